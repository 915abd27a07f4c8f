// Tests for the safetensors checkpoint format: round trips, the byte layout the spec fixes, atomic writes,
// and one test per kind of malformed file Read must refuse. Each corrupt file starts as a good one and is
// then truncated, extended, bit-flipped or given a hand-edited header with a corrected length prefix.
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Successor.Models.Checkpoints;

namespace Successor.Models.Tests.Checkpoints;

public sealed class SafeTensorsFileTests : IDisposable
{
    // The standard file: a.weight [2, 3] at data bytes [0, 24), b.bias [3] at [24, 36), c.scale [] at [36, 40).
    const int DataBytes = 40;

    readonly string folder = Directory.CreateTempSubdirectory("successor-safetensors-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    string PathOf(string name = "model.safetensors") => Path.Combine(folder, name);

    static SafeTensor[] StandardTensors(int seed = 1234)
    {
        var random = new Random(seed);
        float[] Values(int count) => Enumerable.Range(0, count).Select(_ => random.NextSingle() * 2 - 1).ToArray();
        return
        [
            new SafeTensor("a.weight", [2, 3], Values(6)),
            new SafeTensor("b.bias", [3], Values(3)),
            new SafeTensor("c.scale", [], Values(1)),
        ];
    }

    static readonly Dictionary<string, string> StandardMetadata = new() { ["step"] = "1200", ["note"] = "XXXXXXXX" };

    string WriteStandard()
    {
        string path = PathOf();
        SafeTensorsFile.Write(path, StandardTensors(), StandardMetadata);
        return path;
    }

    static (byte[] Header, byte[] Data) Split(byte[] file)
    {
        int headerLength = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(file));
        return (file[8..(8 + headerLength)], file[(8 + headerLength)..]);
    }

    // Replaces the header text, pads it to a multiple of 8 and rewrites the length prefix; the data is kept.
    static void RewriteHeader(string path, Func<string, string> edit)
    {
        var (header, data) = Split(File.ReadAllBytes(path));
        byte[] json = Encoding.UTF8.GetBytes(edit(Encoding.UTF8.GetString(header).TrimEnd(' ')));
        var padded = new byte[(json.Length + 7) & ~7];
        padded.AsSpan().Fill((byte)' ');
        json.CopyTo(padded, 0);
        var prefix = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(prefix, (ulong)padded.Length);
        File.WriteAllBytes(path, [.. prefix, .. padded, .. data]);
    }

    static void EditHeader(string path, Action<JsonObject> edit) =>
        RewriteHeader(path, text =>
        {
            var root = JsonNode.Parse(text)!.AsObject();
            edit(root);
            return root.ToJsonString();
        });

    static JsonObject Entry(JsonObject root, string name) => root[name]!.AsObject();

    static void AssertRefused(string path, params string[] fragments)
    {
        var error = Assert.Throws<CheckpointFormatException>(() => SafeTensorsFile.Read(path));
        Assert.StartsWith($"checkpoint {path}: ", error.Message);
        Assert.Contains("; ", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(path, error.Path);
        foreach (string fragment in fragments) Assert.Contains(fragment, error.Message);
    }

    // ---- what a good file holds ----

    [Fact]
    public void A_round_trip_preserves_names_order_shapes_bitwise_values_and_metadata()
    {
        var tensors = StandardTensors().Append(new SafeTensor("d.special", [2, 4],
        [
            float.NaN, BitConverter.Int32BitsToSingle(0x7FC0_1234), -0f, float.PositiveInfinity,
            float.NegativeInfinity, float.Epsilon, float.MaxValue, -float.MinValue,
        ])).Append(new SafeTensor("e.empty", [0, 5], [])).ToArray();
        var metadata = new Dictionary<string,
            string> { ["step"] = "1200", ["recipe"] = "{\"lr\": 0.001}", ["note"] = "λ ✓ <tag> \"quoted\"\n" };
        string path = PathOf();

        SafeTensorsFile.Write(path, tensors, metadata);
        var content = SafeTensorsFile.Read(path);

        Assert.Equal(tensors.Select(t => t.Name), content.Tensors.Select(t => t.Name));
        foreach (var (expected, actual) in tensors.Zip(content.Tensors))
        {
            Assert.Equal(expected.Shape, actual.Shape);
            Assert.Equal(expected.Data.Select(BitConverter.SingleToInt32Bits),
                actual.Data.Select(BitConverter.SingleToInt32Bits));
        }
        Assert.Equal(metadata.OrderBy(e => e.Key), content.Metadata.OrderBy(e => e.Key));
    }

    [Fact]
    public void The_indexer_finds_a_tensor_by_name_and_names_a_missing_one()
    {
        string path = WriteStandard();
        var content = SafeTensorsFile.Read(path);

        Assert.Equal(new[] { 3 }, content["b.bias"].Shape);
        var error = Assert.Throws<CheckpointFormatException>(() => content["lm_head.weight"]);
        Assert.StartsWith($"checkpoint {path}: no tensor named 'lm_head.weight'; ", error.Message);
        Assert.Contains("'a.weight'", error.Message);
    }

    [Fact]
    public void The_header_length_is_a_little_endian_multiple_of_8_and_the_data_follows_it()
    {
        byte[] file = File.ReadAllBytes(WriteStandard());

        ulong headerLength = 0;
        for (int i = 7; i >= 0; i--) headerLength = (headerLength << 8) | file[i];  // little-endian by hand
        Assert.Equal(0UL, headerLength % 8);
        Assert.Equal(8 + (long)headerLength + DataBytes, file.LongLength);
        Assert.Equal((byte)'{', file[8]);
        string header = Encoding.UTF8.GetString(file, 8, (int)headerLength);
        Assert.EndsWith("}", header.TrimEnd(' '));
    }

    [Fact]
    public void The_written_header_parses_as_the_spec_describes()
    {
        var tensors = StandardTensors();
        var (header, data) = Split(File.ReadAllBytes(WriteStandard()));

        using var document = JsonDocument.Parse(header);
        var root = document.RootElement;
        Assert.Equal(JsonValueKind.Object, root.ValueKind);
        var metadata = root.GetProperty("__metadata__");
        Assert.All(metadata.EnumerateObject(), p => Assert.Equal(JsonValueKind.String, p.Value.ValueKind));
        Assert.Equal("1200", metadata.GetProperty("step").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(data)), metadata.GetProperty("data_sha256").GetString());

        long offset = 0;
        foreach (var tensor in tensors)
        {
            var entry = root.GetProperty(tensor.Name);
            Assert.Equal("F32", entry.GetProperty("dtype").GetString());
            Assert.Equal(tensor.Shape, entry.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()));
            long[] offsets = [.. entry.GetProperty("data_offsets").EnumerateArray().Select(o => o.GetInt64())];
            Assert.Equal([offset, offset + 4 * tensor.Data.Length], offsets);
            for (int i = 0; i < tensor.Data.Length; i++)
                Assert.Equal(tensor.Data[i], BinaryPrimitives.ReadSingleLittleEndian(data.AsSpan((int)offset + 4 * i)));
            offset = offsets[1];
        }
        Assert.Equal(DataBytes, data.Length);
        Assert.Equal(tensors.Length + 1, root.EnumerateObject().Count());
    }

    [Fact]
    public void Rewriting_the_header_unchanged_still_reads()
    {
        string path = WriteStandard();
        EditHeader(path, _ => { });
        Assert.Equal(3, SafeTensorsFile.Read(path).Tensors.Count);
    }

    // ---- writing ----

    [Fact]
    public void Writing_over_an_existing_file_replaces_it_and_leaves_no_temp_file()
    {
        string path = PathOf();
        SafeTensorsFile.Write(path, StandardTensors(seed: 1), new Dictionary<string, string> { ["step"] = "1" });
        var second = StandardTensors(seed: 2);
        SafeTensorsFile.Write(path, second, new Dictionary<string, string> { ["step"] = "2" });

        var content = SafeTensorsFile.Read(path);
        Assert.Equal("2", content.Metadata["step"]);
        Assert.Equal(second[0].Data, content["a.weight"].Data);
        Assert.Equal([path], Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void Writing_into_a_missing_folder_fails_with_a_clear_error_and_creates_nothing()
    {
        string missing = Path.Combine(folder, "no-such-folder");
        string path = Path.Combine(missing, "model.safetensors");

        var error = Assert.Throws<DirectoryNotFoundException>(() =>
            SafeTensorsFile.Write(path, StandardTensors(), StandardMetadata));
        Assert.Equal($"checkpoint {path}: folder {missing} does not exist; create it before writing the checkpoint",
            error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void Writing_over_a_folder_fails_with_a_clear_error_and_leaves_no_temp_file()
    {
        string target = Path.Combine(folder, "occupied");
        Directory.CreateDirectory(target);

        var error =
            Assert.Throws<IOException>(() => SafeTensorsFile.Write(target, StandardTensors(), StandardMetadata));
        Assert.StartsWith($"checkpoint {target}: cannot be written (", error.Message);
        Assert.Equal([target], Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void Writing_refuses_reserved_metadata_keys()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            SafeTensorsFile.Write(PathOf(), StandardTensors(), new Dictionary<string,
                string> { ["data_sha256_v2"] = "x" }));
        Assert.Contains("reserved", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void Writing_refuses_data_that_does_not_match_the_shape_and_duplicate_names()
    {
        var wrongLength = Assert.Throws<ArgumentException>(() =>
            SafeTensorsFile.Write(PathOf(), [new SafeTensor("w", [2, 3], new float[5])], StandardMetadata));
        Assert.Contains("tensor 'w' has shape [2, 3] but 5 values", wrongLength.Message);
        var duplicate = Assert.Throws<ArgumentException>(() =>
            SafeTensorsFile.Write(PathOf(), [new SafeTensor("w", [1], [1f]), new SafeTensor("w", [1], [2f])],
                StandardMetadata));
        Assert.Contains("tensor 'w' is given twice", duplicate.Message);
    }

    // ---- reading: files that cannot be opened ----

    [Fact]
    public void Reading_a_missing_file_throws_file_not_found_naming_the_path()
    {
        string path = PathOf("absent.safetensors");
        var error = Assert.Throws<FileNotFoundException>(() => SafeTensorsFile.Read(path));
        Assert.Equal($"checkpoint {path}: file not found; give the path of an existing checkpoint", error.Message);
    }

    [Fact]
    public void Reading_a_folder_is_refused_as_unreadable() => AssertRefused(folder, "cannot be read");

    // ---- reading: the length prefix ----

    [Fact]
    public void A_file_shorter_than_8_bytes_is_refused()
    {
        string path = PathOf();
        File.WriteAllBytes(path, [1, 2, 3, 4, 5]);
        AssertRefused(path, "file is 5 bytes, shorter than the 8-byte header length");
    }

    [Fact]
    public void A_header_length_of_0_is_refused()
    {
        string path = PathOf();
        File.WriteAllBytes(path, new byte[16]);
        AssertRefused(path, "header length is 0");
    }

    [Fact]
    public void A_header_length_larger_than_the_file_is_refused()
    {
        string path = WriteStandard();
        byte[] file = File.ReadAllBytes(path);
        BinaryPrimitives.WriteUInt64LittleEndian(file, (ulong)file.Length);
        File.WriteAllBytes(path, file);
        AssertRefused(path, $"header length {file.Length} is larger than the {file.Length - 8} bytes that follow it");
    }

    [Fact]
    public void An_absurd_header_length_is_refused()
    {
        string path = WriteStandard();
        byte[] file = File.ReadAllBytes(path);
        BinaryPrimitives.WriteUInt64LittleEndian(file, 1UL << 40);
        File.WriteAllBytes(path, file);
        AssertRefused(path, $"header length {1UL << 40} is absurd");
    }

    // ---- reading: the header JSON ----

    [Fact]
    public void A_header_that_is_not_utf8_is_refused()
    {
        string path = WriteStandard();
        byte[] file = File.ReadAllBytes(path);
        int at = file.AsSpan().IndexOf("XXXXXXXX"u8);  // the "note" metadata value
        file[at] = 0xFF;
        File.WriteAllBytes(path, file);
        AssertRefused(path, "header is not valid UTF-8");
    }

    [Fact]
    public void A_header_that_is_not_json_is_refused()
    {
        string path = WriteStandard();
        RewriteHeader(path, text => text[..^1]);  // drop the closing brace
        AssertRefused(path, "header is not valid JSON");
    }

    [Fact]
    public void A_header_that_is_not_an_object_is_refused()
    {
        string path = WriteStandard();
        RewriteHeader(path, _ => "[1, 2, 3]");
        AssertRefused(path, "header is a JSON array, not an object");
    }

    [Fact]
    public void Duplicate_tensor_names_are_refused()
    {
        string path = WriteStandard();
        RewriteHeader(path, text => text.Replace("\"b.bias\"", "\"a.weight\""));
        AssertRefused(path, "header names 'a.weight' twice");
    }

    [Fact]
    public void A_tensor_entry_that_is_not_an_object_is_refused()
    {
        string path = WriteStandard();
        EditHeader(path, root => root["b.bias"] = 5);
        AssertRefused(path, "tensor 'b.bias' is a JSON number, not an object");
    }

    [Fact]
    public void A_missing_dtype_is_refused()
    {
        string path = WriteStandard();
        EditHeader(path, root => Entry(root, "b.bias").Remove("dtype"));
        AssertRefused(path, "tensor 'b.bias' has no dtype");
    }

    [Fact]
    public void A_dtype_that_is_not_a_string_is_refused()
    {
        string path = WriteStandard();
        EditHeader(path, root => Entry(root, "b.bias")["dtype"] = 32);
        AssertRefused(path, "tensor 'b.bias' dtype is a JSON number, not a string");
    }

    [Fact]
    public void A_dtype_other_than_F32_is_refused()
    {
        string path = WriteStandard();
        EditHeader(path, root => Entry(root, "b.bias")["dtype"] = "F16");
        AssertRefused(path, "tensor 'b.bias' has dtype 'F16'", "only F32");
    }

    [Fact]
    public void A_missing_shape_is_refused()
    {
        string path = WriteStandard();
        EditHeader(path, root => Entry(root, "a.weight").Remove("shape"));
        AssertRefused(path, "tensor 'a.weight' has no shape");
    }

    [Fact]
    public void A_shape_that_is_not_an_array_of_integers_is_refused()
    {
        string path = WriteStandard();
        EditHeader(path, root => Entry(root, "a.weight")["shape"] = "2x3");
        AssertRefused(path, "tensor 'a.weight' shape is a JSON string, not an array");

        EditHeader(path, root => Entry(root, "a.weight")["shape"] = new JsonArray(2, 1.5));
        AssertRefused(path, "tensor 'a.weight' shape [2,1.5] holds 1.5, not an integer");
    }

    [Fact]
    public void A_negative_dimension_is_refused()
    {
        string path = WriteStandard();
        EditHeader(path, root => Entry(root, "b.bias")["shape"] = new JsonArray(-3));
        AssertRefused(path, "tensor 'b.bias' shape [-3] has negative dimension -3");
    }

    [Fact]
    public void A_shape_whose_product_overflows_is_refused()
    {
        string path = WriteStandard();
        EditHeader(path, root =>
            Entry(root, "b.bias")["shape"] = new JsonArray(int.MaxValue, int.MaxValue, int.MaxValue));
        AssertRefused(path,
            "tensor 'b.bias' shape [2147483647, 2147483647, 2147483647] has an element count that overflows 64 bits");
    }

    [Fact]
    public void Missing_or_malformed_data_offsets_are_refused()
    {
        string path = WriteStandard();
        EditHeader(path, root => Entry(root, "c.scale").Remove("data_offsets"));
        AssertRefused(path, "tensor 'c.scale' has no data_offsets");

        path = WriteStandard();
        EditHeader(path, root => Entry(root, "c.scale")["data_offsets"] = new JsonArray(36));
        AssertRefused(path, "tensor 'c.scale' data_offsets is [36]");
    }

    [Fact]
    public void Data_offsets_that_end_before_they_begin_are_refused()
    {
        string path = WriteStandard();
        EditHeader(path, root => Entry(root, "b.bias")["data_offsets"] = new JsonArray(36, 24));
        AssertRefused(path, "tensor 'b.bias' data_offsets [36, 24] end before they begin");
    }

    [Fact]
    public void Data_offsets_whose_span_does_not_match_the_shape_are_refused()
    {
        string path = WriteStandard();
        EditHeader(path, root => Entry(root, "a.weight")["shape"] = new JsonArray(3, 3));
        AssertRefused(path, "tensor 'a.weight' data_offsets [0, 24] span 24 bytes but shape [3, 3] needs 36");
    }

    // ---- reading: the layout of the data section ----

    [Fact]
    public void Data_offsets_outside_the_data_section_are_refused()
    {
        string path = WriteStandard();
        EditHeader(path, root => Entry(root, "c.scale")["data_offsets"] = new JsonArray(1000, 1004));
        AssertRefused(path, "tensor 'c.scale' data_offsets [1000, 1004] run past the end of the 40-byte data section");
    }

    [Fact]
    public void Overlapping_tensors_are_refused()
    {
        string path = WriteStandard();
        EditHeader(path, root => Entry(root, "b.bias")["data_offsets"] = new JsonArray(20, 32));
        AssertRefused(path, "tensor 'b.bias' data_offsets [20, 32] overlap tensor 'a.weight' [0, 24]");
    }

    [Fact]
    public void A_hole_in_the_data_section_is_refused()
    {
        string path = WriteStandard();
        EditHeader(path, root => root.Remove("b.bias"));
        AssertRefused(path, "data bytes [24, 36) belong to no tensor", "no holes");
    }

    [Fact]
    public void A_truncated_file_is_refused()
    {
        string path = WriteStandard();
        using (var stream = new FileStream(path, FileMode.Open)) stream.SetLength(stream.Length - 3);
        AssertRefused(path, "tensor 'c.scale' data_offsets [36, 40] run past the end of the 37-byte data section",
            "truncated");
    }

    [Fact]
    public void Trailing_garbage_after_the_data_is_refused()
    {
        string path = WriteStandard();
        File.AppendAllText(path, "junk!");
        AssertRefused(path, "data section is 45 bytes but the tensors end at byte 40, leaving 5 trailing byte(s)");
    }

    // ---- reading: metadata and the data hash ----

    [Fact]
    public void Metadata_that_is_not_an_object_is_refused()
    {
        string path = WriteStandard();
        EditHeader(path, root => root["__metadata__"] = new JsonArray("step", "1200"));
        AssertRefused(path, "__metadata__ is a JSON array, not an object");
    }

    [Fact]
    public void Metadata_values_that_are_not_strings_are_refused()
    {
        string path = WriteStandard();
        EditHeader(path, root => root["__metadata__"]!["step"] = 1200);
        AssertRefused(path, "__metadata__ entry 'step' is a JSON number, not a string");
    }

    [Fact]
    public void A_missing_data_hash_is_refused()
    {
        string path = WriteStandard();
        EditHeader(path, root => root["__metadata__"]!.AsObject().Remove("data_sha256"));
        AssertRefused(path, "header has no __metadata__.data_sha256");

        path = WriteStandard();
        EditHeader(path, root => root.Remove("__metadata__"));
        AssertRefused(path, "header has no __metadata__.data_sha256");
    }

    [Fact]
    public void A_flipped_data_byte_is_detected_by_the_data_hash()
    {
        string path = WriteStandard();
        byte[] file = File.ReadAllBytes(path);
        file[^5] ^= 0x01;  // the lowest mantissa bit of the last b.bias value
        File.WriteAllBytes(path, file);
        AssertRefused(path, "data SHA-256 is", "but the header records data_sha256",
            "so the data was edited or corrupted; restore");
    }

    [Fact]
    public void A_foreign_file_without_a_data_hash_is_read_by_ReadForeign_and_its_hash_checked_when_present()
    {
        string path = WriteStandard();
        EditHeader(path, root => root.Remove("__metadata__"));
        var content = SafeTensorsFile.ReadForeign(path);
        Assert.Equal(StandardTensors().Select(t => t.Data), content.Tensors.Select(t => t.Data));
        Assert.Empty(content.Metadata);

        path = WriteStandard();
        byte[] file = File.ReadAllBytes(path);
        file[^5] ^= 0x01;
        File.WriteAllBytes(path, file);
        var e = Assert.Throws<CheckpointFormatException>(() => SafeTensorsFile.ReadForeign(path));
        Assert.Contains("so the data was edited or corrupted", e.Message);
    }
}
