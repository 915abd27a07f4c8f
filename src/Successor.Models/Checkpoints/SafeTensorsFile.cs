// Reads and writes safetensors checkpoints (format: github.com/huggingface/safetensors, README "Format"):
//   [u64 little-endian N][N bytes of UTF-8 JSON header, space-padded][data section, little-endian]
// The header maps each tensor name to {"dtype", "shape", "data_offsets": [begin, end)}, offsets relative to
// the start of the data section, plus an optional "__metadata__" object of strings. Only F32 is supported.
// Write is atomic and records the SHA-256 of the data section as __metadata__["data_sha256"]; Read checks
// every field, that the tensors tile the data section exactly, and that hash. Every refusal is one
// CheckpointFormatException line; a missing file is a FileNotFoundException, so resume logic can tell
// "no checkpoint yet" from "a broken checkpoint".
using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Unicode;

namespace Successor.Models.Checkpoints;

public static class SafeTensorsFile
{
    /// <summary>Metadata key holding the lowercase hex SHA-256 of the data section. Keys starting with it are
    /// reserved.</summary>
    public const string DataHashKey = "data_sha256";

    /// <summary>The header key reserved for metadata by the format.</summary>
    public const string MetadataKey = "__metadata__";

    /// <summary>Headers longer than this are refused unread (the same bound the reference implementation
    /// uses).</summary>
    public const long MaxHeaderBytes = 100_000_000;

    // floats per I/O span: 64 MB, so byte spans of any float[] stay under int.MaxValue
    const int ChunkFloats = 1 << 24;
    const string EntryForm =
        "each tensor entry is {\"dtype\": \"F32\", \"shape\": [dims], \"data_offsets\": [begin, end]}";

    /// <summary>
    /// Writes <paramref name="tensors"/> in the given order with <paramref name="metadata"/> plus data_sha256.
    /// The bytes go to a temp file in the same folder, are flushed to disk, then renamed over <paramref name="path"/>,
    /// so a crash leaves either the old file or the new one, never a partial one. Throws ArgumentException for bad
    /// tensors or reserved metadata keys, DirectoryNotFoundException if the folder does not exist, and IOException
    /// (one line naming the path) if the file cannot be written; the temp file is removed on every failure.
    /// </summary>
    public static void Write(string path, IReadOnlyList<SafeTensor> tensors,
        IReadOnlyDictionary<string, string> metadata)
    {
        RequireLittleEndian();
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(tensors);
        ArgumentNullException.ThrowIfNull(metadata);
        Validate(tensors, metadata);

        string fullPath = Path.GetFullPath(path);
        string folder =
            Path.GetDirectoryName(fullPath)
            ?? throw new ArgumentException($"checkpoint {path}: is a root folder; give a file path", nameof(path));
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException(
                $"checkpoint {path}: folder {folder} does not exist; create it before writing the checkpoint");

        byte[] header = Header(tensors, metadata, DataHash(tensors));
        if (header.Length > MaxHeaderBytes)
            throw new ArgumentException(
                $"checkpoint {path}: header would be {header.Length} bytes; at most {MaxHeaderBytes} can be read back",
                nameof(tensors));

        string temp = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                Span<byte> prefix = stackalloc byte[8];
                BinaryPrimitives.WriteUInt64LittleEndian(prefix, (ulong)header.Length);
                stream.Write(prefix);
                stream.Write(header);
                foreach (var tensor in tensors)
                    for (int start = 0; start < tensor.Data.Length; start += ChunkFloats)
                        stream.Write(Bytes(tensor.Data, start));
                stream.Flush(flushToDisk: true);
            }
            // The rename is atomic on one file system; the folder entry is not fsynced (no portable .NET API),
            // so after a power cut the old checkpoint may still be there, but never a torn one.
            File.Move(temp, fullPath, overwrite: true);
        }
        catch (Exception e)
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            if (e is IOException or UnauthorizedAccessException)
                throw new IOException(
                    $"checkpoint {path}: cannot be written ({e.Message}); " +
                    "give a writable file path in an existing folder", e);
            throw;
        }
    }

    /// <summary>
    /// Reads and fully validates a checkpoint written by <see cref="Write"/>. Throws CheckpointFormatException
    /// (one line: path, problem, what would be right) for any malformed, edited or unreadable file, and
    /// FileNotFoundException if the file or its folder does not exist.
    /// </summary>
    public static SafeTensorsContent Read(string path) => Read(path, requireDataHash: true);

    /// <summary>
    /// Reads a safetensors file another program wrote (PyTorch, Hugging Face): every check of
    /// <see cref="Read(string)"/> except that a missing data_sha256 is allowed, since only SafeTensorsFile.Write
    /// records one.
    /// </summary>
    public static SafeTensorsContent ReadForeign(string path) => Read(path, requireDataHash: false);

    static SafeTensorsContent Read(string path, bool requireDataHash)
    {
        RequireLittleEndian();
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            using var stream =
                new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16,
                    FileOptions.SequentialScan);
            return Read(path, stream, requireDataHash);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new FileNotFoundException(
                $"checkpoint {path}: file not found; give the path of an existing checkpoint", path, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CheckpointFormatException(path, $"cannot be read ({e.Message})",
                "give the path of a readable checkpoint file", e);
        }
    }

    static SafeTensorsContent Read(string path, FileStream stream, bool requireDataHash)
    {
        long fileLength = stream.Length;
        if (fileLength < 8)
            throw Bad(path, $"file is {fileLength} bytes, shorter than the 8-byte header length",
                "a safetensors file starts with an 8-byte little-endian header length");
        Span<byte> prefix = stackalloc byte[8];
        stream.ReadExactly(prefix);
        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        if (headerLength == 0)
            throw Bad(path, "header length is 0", "the header must hold a JSON object");
        if (headerLength > MaxHeaderBytes)
            throw Bad(path, $"header length {headerLength} is absurd",
                $"a header is at most {MaxHeaderBytes} bytes; this is probably not a safetensors file");
        if (headerLength > (ulong)(fileLength - 8))
            throw Bad(path, $"header length {headerLength} is larger than the {fileLength - 8} bytes that follow it",
                "the file is truncated or not a safetensors file");

        var header = new byte[headerLength];
        stream.ReadExactly(header);
        long dataLength = fileLength - 8 - (long)headerLength;
        var (entries, metadata) = ParseHeader(path, header);
        var ordered = CheckLayout(path, entries, dataLength);
        if (metadata is null && !requireDataHash) metadata = new(StringComparer.Ordinal);
        string? recordedHash = null;
        if (metadata is null || !metadata.Remove(DataHashKey, out recordedHash) && requireDataHash)
            throw Bad(path, $"header has no {MetadataKey}.{DataHashKey}",
                "checkpoints written by SafeTensorsFile.Write record the SHA-256 of their data");

        // The stream now sits at the start of the data section; the layout check proved the tensors, in offset
        // order, cover it exactly, so reading them in that order reads (and hashes) every data byte once.
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var tensors = new List<SafeTensor>(ordered.Count);
        foreach (var entry in ordered)
        {
            var data = new float[(entry.End - entry.Begin) / sizeof(float)];
            for (int start = 0; start < data.Length; start += ChunkFloats)
            {
                var bytes = Bytes(data, start);
                stream.ReadExactly(bytes);
                sha.AppendData(bytes);
            }
            tensors.Add(new SafeTensor(entry.Name, entry.Shape, data));
        }
        string actualHash = Convert.ToHexStringLower(sha.GetHashAndReset());
        if (recordedHash is not null && actualHash != recordedHash)
            throw Bad(path,
                $"data SHA-256 is {actualHash} but the header records {DataHashKey} {recordedHash}, " +
                "so the data was edited or corrupted", "restore the checkpoint from a good copy");
        return new SafeTensorsContent(tensors, metadata) { Path = path };
    }

    sealed record Entry(string Name, int[] Shape, long Begin, long End);

    static (List<Entry> Entries, Dictionary<string, string>? Metadata) ParseHeader(string path, byte[] header)
    {
        if (!Utf8.IsValid(header))
            throw Bad(path, "header is not valid UTF-8", "the header must be UTF-8 encoded JSON");
        JsonDocument document;
        try { document = JsonDocument.Parse(header); }
        catch (JsonException e)
        {
            throw Bad(path, $"header is not valid JSON ({JsonProblem.Syntax(e)})",
                "the header must be one JSON object");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw Bad(path, $"header is a JSON {Kind(root)}, not an object",
                    "the header must be an object mapping tensor names to entries");
            // JsonDocument keeps duplicate keys; the format forbids them
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var entries = new List<Entry>();
            Dictionary<string, string>? metadata = null;
            foreach (var property in root.EnumerateObject())
            {
                if (!seen.Add(property.Name))
                    throw Bad(path, $"header names '{property.Name}' twice",
                        "each tensor name and __metadata__ may appear only once");
                if (property.Name == MetadataKey) metadata = ParseMetadata(path, property.Value);
                else entries.Add(ParseEntry(path, property.Name, property.Value));
            }
            return (entries, metadata);
        }
    }

    static Dictionary<string, string> ParseMetadata(string path, JsonElement value)
    {
        const string Form = "__metadata__ must be an object of string keys to string values";
        if (value.ValueKind != JsonValueKind.Object)
            throw Bad(path, $"{MetadataKey} is a JSON {Kind(value)}, not an object", Form);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String)
                throw Bad(path,
                    $"{MetadataKey} entry '{property.Name}' is a JSON {Kind(property.Value)}, not a string", Form);
            if (!metadata.TryAdd(property.Name, property.Value.GetString()!))
                throw Bad(path, $"{MetadataKey} names '{property.Name}' twice",
                    "each metadata key may appear only once");
        }
        return metadata;
    }

    static Entry ParseEntry(string path, string name, JsonElement value)
    {
        string where = $"tensor '{name}'";
        if (value.ValueKind != JsonValueKind.Object)
            throw Bad(path, $"{where} is a JSON {Kind(value)}, not an object", EntryForm);
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var field in value.EnumerateObject())
        {
            if (field.Name is not ("dtype" or "shape" or "data_offsets"))
                throw Bad(path, $"{where} has unknown field '{field.Name}'", EntryForm);
            if (!fields.TryAdd(field.Name, field.Value))
                throw Bad(path, $"{where} has field '{field.Name}' twice", EntryForm);
        }

        if (!fields.TryGetValue("dtype", out var dtype))
            throw Bad(path, $"{where} has no dtype", EntryForm);
        if (dtype.ValueKind != JsonValueKind.String)
            throw Bad(path, $"{where} dtype is a JSON {Kind(dtype)}, not a string", EntryForm);
        if (dtype.GetString() != "F32")
            throw Bad(path, $"{where} has dtype '{dtype.GetString()}'", "only F32 tensors are supported");

        if (!fields.TryGetValue("shape", out var shapeJson))
            throw Bad(path, $"{where} has no shape", EntryForm);
        if (shapeJson.ValueKind != JsonValueKind.Array)
            throw Bad(path, $"{where} shape is a JSON {Kind(shapeJson)}, not an array", EntryForm);
        var shape = new int[shapeJson.GetArrayLength()];
        int axis = 0;
        foreach (var dimJson in shapeJson.EnumerateArray())
        {
            if (dimJson.ValueKind != JsonValueKind.Number || !dimJson.TryGetInt64(out long dim))
                throw Bad(path, $"{where} shape {shapeJson.GetRawText()} holds {dimJson.GetRawText()}, not an integer",
                    "dimensions are non-negative integers");
            if (dim < 0)
                throw Bad(path, $"{where} shape {shapeJson.GetRawText()} has negative dimension {dim}",
                    "dimensions are non-negative integers");
            if (dim > int.MaxValue)
                throw Bad(path, $"{where} shape {shapeJson.GetRawText()} has dimension {dim}",
                    $"a dimension is at most {int.MaxValue}");
            shape[axis++] = (int)dim;
        }
        if (!TryElementCount(shape, out long count))
            throw Bad(path, $"{where} shape {Format(shape)} has an element count that overflows 64 bits",
                "the product of the dimensions must fit in one array");
        if (count > Array.MaxLength)
            throw Bad(path, $"{where} shape {Format(shape)} has {count} elements",
                $"one tensor holds at most {Array.MaxLength} elements");

        if (!fields.TryGetValue("data_offsets", out var offsets))
            throw Bad(path, $"{where} has no data_offsets", EntryForm);
        if (offsets.ValueKind != JsonValueKind.Array || offsets.GetArrayLength() != 2
            || !TryOffset(offsets[0], out long begin) || !TryOffset(offsets[1], out long end))
            throw Bad(path, $"{where} data_offsets is {offsets.GetRawText()}",
                "data_offsets is [begin, end], two non-negative integers");
        if (end < begin)
            throw Bad(path, $"{where} data_offsets [{begin}, {end}] end before they begin",
                "end must be at least begin");
        if (end - begin != sizeof(float) * count)
            throw Bad(path,
                $"{where} data_offsets [{begin}, {end}] span {end - begin} bytes but shape {Format(shape)} needs " +
                $"{sizeof(float) * count}", "an F32 tensor takes 4 bytes per element");
        return new Entry(name, shape, begin, end);
    }

    // Returns the entries in data order after proving they tile [0, dataLength) exactly, as the format requires.
    static List<Entry> CheckLayout(string path, List<Entry> entries, long dataLength)
    {
        var ordered = entries.OrderBy(e => e.Begin).ThenBy(e => e.End).ToList();
        foreach (var entry in ordered)
            if (entry.End > dataLength)
                throw Bad(path,
                    $"tensor '{entry.Name}' data_offsets [{entry.Begin}, {entry.End}] run past the end of the " +
                    $"{dataLength}-byte data section",
                    "every tensor must lie inside the data section (the file is truncated or the offsets are wrong)");
        long covered = 0;
        Entry? previous = null;
        foreach (var entry in ordered)
        {
            if (entry.Begin < covered)
                throw Bad(path,
                    $"tensor '{entry.Name}' data_offsets [{entry.Begin}, {entry.End}] overlap tensor " +
                    $"'{previous!.Name}' [{previous.Begin}, {previous.End}]", "tensors must not share bytes");
            if (entry.Begin > covered)
                throw Bad(path, $"data bytes [{covered}, {entry.Begin}) belong to no tensor",
                    "the tensors must cover the data section exactly, with no holes");
            covered = entry.End;
            previous = entry;
        }
        if (covered != dataLength)
            throw Bad(path,
                $"data section is {dataLength} bytes but the tensors end at byte {covered}, " +
                $"leaving {dataLength - covered} trailing byte(s)",
                "the data section must end where the last tensor ends " +
                "(trailing garbage, or a tensor missing from the header)");
        return ordered;
    }

    static void Validate(IReadOnlyList<SafeTensor> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tensor in tensors)
        {
            if (tensor is null || tensor.Name is null || tensor.Shape is null || tensor.Data is null)
                throw new ArgumentException(
                    "a tensor, or its Name, Shape or Data, is null; give every tensor a name, shape and data",
                    nameof(tensors));
            if (tensor.Name.Length == 0 || tensor.Name == MetadataKey)
                throw new ArgumentException(
                    $"tensor name '{tensor.Name}' is empty or reserved; use a non-empty name other than {MetadataKey}",
                    nameof(tensors));
            if (!names.Add(tensor.Name))
                throw new ArgumentException($"tensor '{tensor.Name}' is given twice; tensor names must be unique",
                    nameof(tensors));
            if (tensor.Shape.Any(dim => dim < 0) || !TryElementCount(tensor.Shape, out long count)
                || count != tensor.Data.Length)
                throw new ArgumentException(
                    $"tensor '{tensor.Name}' has shape {Format(tensor.Shape)} but {tensor.Data.Length} values; " +
                    "Data.Length must equal the product of the non-negative dimensions", nameof(tensors));
        }
        foreach (var (key, value) in metadata)
        {
            if (key.StartsWith(DataHashKey, StringComparison.Ordinal))
                throw new ArgumentException(
                    $"metadata key '{key}' is reserved; " +
                    $"keys starting with {DataHashKey} are written by SafeTensorsFile", nameof(metadata));
            if (value is null)
                throw new ArgumentException($"metadata '{key}' is null; metadata values are strings", nameof(metadata));
        }
    }

    static byte[] Header(IReadOnlyList<SafeTensor> tensors,
        IReadOnlyDictionary<string, string> metadata, string dataHash)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject(MetadataKey);
            foreach (var (key, value) in metadata.OrderBy(e => e.Key, StringComparer.Ordinal))
                json.WriteString(key, value);
            json.WriteString(DataHashKey, dataHash);
            json.WriteEndObject();
            long offset = 0;
            foreach (var tensor in tensors)
            {
                long end = offset + sizeof(float) * (long)tensor.Data.Length;
                json.WriteStartObject(tensor.Name);
                json.WriteString("dtype", "F32");
                json.WriteStartArray("shape");
                foreach (int dim in tensor.Shape) json.WriteNumberValue(dim);
                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                json.WriteNumberValue(end);
                json.WriteEndArray();
                json.WriteEndObject();
                offset = end;
            }
            json.WriteEndObject();
        }
        // Pad with spaces to a multiple of 8 so the data section starts 8-byte aligned.
        var header = new byte[(buffer.WrittenCount + 7) & ~7];
        buffer.WrittenSpan.CopyTo(header);
        header.AsSpan(buffer.WrittenCount).Fill((byte)' ');
        return header;
    }

    static string DataHash(IReadOnlyList<SafeTensor> tensors)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var tensor in tensors)
            for (int start = 0; start < tensor.Data.Length; start += ChunkFloats)
                sha.AppendData(Bytes(tensor.Data, start));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    // The raw little-endian bytes of data[start..] (at most ChunkFloats values), viewed in place.
    static Span<byte> Bytes(float[] data, int start) =>
        MemoryMarshal.AsBytes(data.AsSpan(start, Math.Min(ChunkFloats, data.Length - start)));

    // The product of the dimensions; false if it overflows a long (checked at every step, like the reference reader).
    static bool TryElementCount(int[] shape, out long count)
    {
        count = 1;
        foreach (int dim in shape)
        {
            if (dim != 0 && count > long.MaxValue / dim) return false;
            count *= dim;
        }
        return true;
    }

    static bool TryOffset(JsonElement value, out long offset)
    {
        offset = 0;
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out offset) && offset >= 0;
    }

    static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        var kind => kind.ToString().ToLowerInvariant(),
    };

    static string Format(int[] shape) => $"[{string.Join(", ", shape)}]";

    static CheckpointFormatException Bad(string path, string problem, string expected) => new(path, problem, expected);

    // The data section is little-endian and is read and written as raw float bytes.
    static void RequireLittleEndian()
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException(
                "safetensors checkpoints are little-endian and this host is big-endian; run on a little-endian host");
    }
}
