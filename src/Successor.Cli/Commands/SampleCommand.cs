// `successor sample`: text from a checkpoint, with temperature, top-k, top-p and a seed.
using System.Diagnostics;
using Successor.Models.Generation;
using Successor.Models.Tokenizers;

namespace Successor.Cli.Commands;

public static class SampleCommand
{
    public static Command Create()
    {
        var checkpoint = CommonOptions.Checkpoint();
        var prompt = new Option<string>("--prompt")
            { Description = "Text to continue (default: a newline)", DefaultValueFactory = _ => "" };
        var tokens = new Option<int>("--tokens") { Description = "Tokens to generate", DefaultValueFactory = _ => 200 };
        var temperature = new Option<float>("--temperature")
            { Description = "0 is greedy; higher is more random", DefaultValueFactory = _ => 0.8f };
        var topK = new Option<int>("--top-k")
            { Description = "Sample among the k most likely tokens (0: all)", DefaultValueFactory = _ => 0 };
        var topP = new Option<float>("--top-p")
        {
            Description = "Sample from the smallest set holding this much probability",
            DefaultValueFactory = _ => 1f,
        };
        var seed = CommonOptions.Seed("Random seed", 1337);
        var threads = CommonOptions.Threads();
        var json = CommonOptions.Json();
        return CliCommand.Create("sample", "Generate text from a checkpoint",
            [checkpoint, prompt, tokens, temperature, topK, topP, seed, threads, json], r =>
        {
            var kernels = CommonOptions.Kernels(r.GetValue(threads));
            if (r.GetValue(tokens) < 0)
                throw new UsageException($"--tokens is {r.GetValue(tokens)}; it must be 0 or more");
            var options = new SamplingOptions(
                r.GetValue(temperature), r.GetValue(topK), r.GetValue(topP), r.GetValue(seed));
            if (options.Validate() is { } error)
                throw new UsageException(error.Replace("top_k", "--top-k").Replace("top_p", "--top-p")
                    .Replace("temperature", "--temperature"));
            var (model, _) = CheckpointPath.Load(r.GetValue(checkpoint)!, kernels);
            using (model)
            {
                string text = r.GetValue(prompt)!;
                var printer = new Printer(r.GetValue(json));
                var clock = Stopwatch.StartNew();
                var output = Generator.Generate(model, ByteTokenizer.Encode(text), r.GetValue(tokens), options)
                    .ToArray();
                double seconds = clock.Elapsed.TotalSeconds;
                string completion = ByteTokenizer.Decode(output);
                if (printer.Json)
                    printer.Result([("prompt", text), ("completion", completion), ("tokens", output.Length),
                        ("tokens_per_second", Math.Round(output.Length / seconds, 1))]);
                else
                    Console.WriteLine(text + completion);
            }
            return ExitCodes.Success;
        });
    }
}
