// The content-addressed store: layout, deduplication, read-only files, digest checks on read.
using System.Text;
using Successor.Ledger.Artifacts;

namespace Successor.Ledger.Tests.Artifacts;

public sealed class ArtifactStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("successor-artifacts-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void An_artifact_is_stored_under_its_sha256_and_read_back()
    {
        var store = new ArtifactStore(_dir);
        string digest = store.Put(Encoding.UTF8.GetBytes("abc"));
        Assert.Equal("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", digest);
        string hex = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        Assert.Equal(Path.Combine(_dir, "sha256", "ba", hex), store.PathOf(digest));
        Assert.Equal("abc", Encoding.UTF8.GetString(store.ReadAllBytes(digest)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
            File.GetUnixFileMode(store.PathOf(digest)));
    }

    [Fact]
    public void Storing_the_same_bytes_twice_keeps_one_file_and_no_temp_files()
    {
        var store = new ArtifactStore(_dir);
        string a = store.Put(new byte[100_000]);
        string b = store.Put(new MemoryStream(new byte[100_000]));
        Assert.Equal(a, b);
        Assert.Single(store.List());
        Assert.Empty(Directory.GetFiles(Path.Combine(_dir, "tmp")));
    }

    [Fact]
    public void A_changed_byte_is_caught_on_read_and_by_check()
    {
        var store = new ArtifactStore(_dir);
        string digest = store.Put(Encoding.UTF8.GetBytes("weights"));
        string path = store.PathOf(digest);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes("weighTs"));
        var e = Assert.Throws<LedgerException>(() => store.ReadAllBytes(digest));
        Assert.Contains("altered", e.Message);
        Assert.Equal(ArtifactState.Corrupt, store.Check(digest).State);
    }

    [Fact]
    public void Stale_temp_files_of_killed_writers_are_removed_and_never_listed()
    {
        var store = new ArtifactStore(_dir);
        Directory.CreateDirectory(Path.Combine(_dir, "tmp"));
        string stale = Path.Combine(_dir, "tmp", "dead.partial");
        File.WriteAllText(stale, "half");
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddHours(-2));
        Assert.Empty(store.List());
        Assert.Equal(1, store.CleanTemporary(TimeSpan.FromHours(1)));
        Assert.False(File.Exists(stale));
    }

    [Fact]
    public void A_malformed_digest_is_a_one_line_error()
    {
        var e = Assert.Throws<LedgerException>(() => new ArtifactStore(_dir).ReadAllBytes("sha256:xyz"));
        Assert.Contains("64 hex digits", e.Message);
    }
}
