// Model checkpoints across versions: a checkpoint written before digit positions existed (its model_config
// has no digit fields) loads as before, and a digit-position model round-trips with its table.
using Successor.Models.Checkpoints;
using Successor.Models.Gpt;
using Successor.Tensors.Reference;

namespace Successor.Models.Tests.Checkpoints;

public sealed class ModelCheckpointTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("successor-checkpoint-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    // The model_config an older version wrote, byte for byte: no max_digit_position, no digit_offset.
    const string OldConfig =
        "{\"layers\":1,\"heads\":2,\"embedding\":8,\"block_size\":6,\"vocab_size\":64,\"mlp_ratio\":2,"
        + "\"activation\":\"gelu\",\"norm\":\"layer_norm\",\"positions\":\"learned\",\"tie_weights\":true,"
        + "\"dropout\":0,\"bias\":false,\"rope_theta\":10000}";

    [Fact]
    public void A_checkpoint_without_the_digit_fields_loads_as_before()
    {
        var expected =
            new ModelConfig { Layers = 1, Heads = 2, Embedding = 8, BlockSize = 6, VocabSize = 64, MlpRatio = 2 };
        using (var model = new GptModel(expected, new ReferenceKernels()))
        {
            model.Initialize(1);
            string path = Path.Combine(folder, "old.safetensors");
            SafeTensorsFile.Write(path, ModelCheckpoint.Tensors(model.Layout, model.Parameters, ""),
                new Dictionary<string, string>
            {
                ["format"] = "successor.gpt", ["model_config"] = OldConfig, ["tokenizer"] = "bytes", ["recipe_sha256"] =
                    "r", ["step"] = "7",
            });
            var (loaded, info) = ModelCheckpoint.Load(path, new ReferenceKernels());
            using (loaded)
            {
                Assert.Equal(expected, info.Config);
                Assert.Equal([6, 8], loaded.Layout["wpe"].Shape);
                Assert.Equal(model.Parameters.Slice(0, (int)model.Parameters.Length).ToArray(),
                    loaded.Parameters.Slice(0, (int)loaded.Parameters.Length).ToArray());
            }
            // Saved again, the config has the old bytes: recipe hashes of older configs do not move.
            ModelCheckpoint.Save(Path.Combine(folder, "again.safetensors"), model, "r", 7);
            Assert.Equal(OldConfig,
                SafeTensorsFile.Read(Path.Combine(folder, "again.safetensors")).Metadata["model_config"]);
        }
    }

    [Fact]
    public void A_digit_position_model_round_trips_with_its_table()
    {
        var config = new ModelConfig { Layers = 1, Heads = 2, Embedding = 8, BlockSize = 6, VocabSize = 64,
            MlpRatio = 2, Positions = Positions.Digits, DigitOffset = 3 };
        using var model = new GptModel(config, new ReferenceKernels());
        model.Initialize(2);
        string path = Path.Combine(folder, "digits.safetensors");
        ModelCheckpoint.Save(path, model, "r", 1);
        var (loaded, info) = ModelCheckpoint.Load(path, new ReferenceKernels());
        using (loaded)
        {
            Assert.Equal(config, info.Config);
            Assert.Equal([10, 8], loaded.Layout["wpe"].Shape);
            Assert.Equal(model.Parameters.Slice(0, (int)model.Parameters.Length).ToArray(),
                loaded.Parameters.Slice(0, (int)loaded.Parameters.Length).ToArray());
        }
    }
}
