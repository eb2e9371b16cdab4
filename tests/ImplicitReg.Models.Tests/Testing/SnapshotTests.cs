using ImplicitReg.Testing.Snapshots;

namespace ImplicitReg.Models.Tests.Testing;

/// <summary>The snapshot helper itself, on a temporary directory so the real snapshots are never touched.</summary>
public sealed class SnapshotTests : IDisposable
{
    private static readonly SnapshotMode Local = new(IsCi: false, Accept: false);
    private readonly string _dir = Directory.CreateTempSubdirectory("snapshot-tests-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Verified(string stem) => Path.Combine(_dir, stem + ".verified.txt");

    private string Received(string stem) => Path.Combine(_dir, stem + ".received.txt");

    [Fact]
    public void AMatchingTextPassesAndLeavesNoReceivedFile()
    {
        File.WriteAllText(Verified("A.B"), "x = 1\n");
        var outcome = Snapshot.Check("x = 1", _dir, "A.B", Local);
        Assert.True(outcome.Passed);
        Assert.Equal(SnapshotState.Matched, outcome.State);
        Assert.False(File.Exists(Received("A.B")));
    }

    [Fact]
    public void AMismatchWritesReceivedAndFailsWithBothPathsAndBothTexts()
    {
        File.WriteAllText(Verified("A.B"), "x = 1\n");
        var outcome = Snapshot.Check("x = 2\n", _dir, "A.B", Local);
        Assert.False(outcome.Passed);
        Assert.Equal(SnapshotState.Mismatch, outcome.State);
        Assert.Equal("x = 2\n", File.ReadAllText(Received("A.B")));
        Assert.Equal("x = 1\n", File.ReadAllText(Verified("A.B")));
        Assert.Contains("Received: " + Received("A.B"), outcome.Message);
        Assert.Contains("Verified: " + Verified("A.B"), outcome.Message);
        Assert.Contains("verified: x = 1", outcome.Message);
        Assert.Contains("received: x = 2", outcome.Message);
    }

    [Fact]
    public void ANewSnapshotFailsAndIsWrittenAsReceivedOnly()
    {
        var outcome = Snapshot.Check("new", _dir, "A.New", Local);
        Assert.False(outcome.Passed);
        Assert.Equal(SnapshotState.New, outcome.State);
        Assert.True(File.Exists(Received("A.New")));
        Assert.False(File.Exists(Verified("A.New")));
    }

    [Fact]
    public void AStaleReceivedFileIsDeletedWhenTheTextNowMatches()
    {
        File.WriteAllText(Verified("A.B"), "ok\n");
        File.WriteAllText(Received("A.B"), "old failure\n");
        Assert.True(Snapshot.Check("ok", _dir, "A.B", Local).Passed);
        Assert.False(File.Exists(Received("A.B")));
    }

    [Fact]
    public void TheAcceptVariableWritesVerifiedOutsideCi()
    {
        var outcome = Snapshot.Check("accepted", _dir, "A.B", new SnapshotMode(IsCi: false, Accept: true));
        Assert.True(outcome.Passed);
        Assert.Equal(SnapshotState.Accepted, outcome.State);
        Assert.Equal("accepted\n", File.ReadAllText(Verified("A.B")));
    }

    [Fact]
    public void TheAcceptVariableIsRefusedInCiAndAMissingVerifiedFileFails()
    {
        var outcome = Snapshot.Check("text", _dir, "A.B", new SnapshotMode(IsCi: true, Accept: true));
        Assert.False(outcome.Passed);
        Assert.False(File.Exists(Verified("A.B")));
        Assert.Contains("never accepted in CI", outcome.Message);
    }

    [Fact]
    public void CarriageReturnsAreNormalisedToLineFeeds()
    {
        File.WriteAllText(Verified("A.B"), "a\nb\n");
        Assert.True(Snapshot.Check("a\r\nb\r\n", _dir, "A.B", Local).Passed);
    }

    [Fact]
    public void FilesAreUtf8WithoutAByteOrderMark()
    {
        Snapshot.Check("σ̇ = −N σ", _dir, "A.Utf8", Local);
        var bytes = File.ReadAllBytes(Received("A.Utf8"));
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.Equal("σ̇ = −N σ\n", System.Text.Encoding.UTF8.GetString(bytes));
    }

    [Theory]
    [InlineData("took 12.5 ms", "took {duration}")]
    [InlineData("took 3 s, then 0.25s", "took {duration}, then {duration}")]
    [InlineData("x = 0.30000000000000004", "x = 0.3")]
    [InlineData("x = 3.14159265358979", "x = 3.14159")]
    [InlineData("exact 1.25 and W2[1,3] and 2*s stay", "exact 1.25 and W2[1,3] and 2*s stay")]
    public void ScrubbingRemovesDurationsAndFloatNoise(string text, string expected) =>
        Assert.Equal(expected, SnapshotScrubber.Scrub(text, null));

    [Fact]
    public void ScrubbingReplacesTheRepositoryRoot() =>
        Assert.Equal("see {repo}/docs/derive.md", SnapshotScrubber.Scrub("see /x/repo/docs/derive.md", "/x/repo"));

    [Fact]
    public void FileStemsFollowVerifysNamingWithParameters()
    {
        Assert.Equal("C.M", Snapshot.FileStem("C", "M", []));
        Assert.Equal("C.M_depth=3_dims=2,3,3,2", Snapshot.FileStem("C", "M", [("depth", 3), ("dims", "2,3,3,2")]));
        Assert.Equal("C.M_name=a-b", Snapshot.FileStem("C", "M", [("name", "a/b")]));
    }

    [Fact]
    public void VerifyFindsTheVerifiedFileBesideTheTestFile() =>
        Snapshot.Verify("this text is checked in beside SnapshotTests.cs\n");

    [Fact]
    public void VerifyThrowsOnAMismatchBesideTheTestFile()
    {
        var e = Assert.ThrowsAny<Exception>(() => Snapshot.Verify("not the checked-in text\n"));
        Assert.Contains("SnapshotTests.VerifyThrowsOnAMismatchBesideTheTestFile.received.txt", e.Message);
        File.Delete(Path.Combine(Path.GetDirectoryName(ThisFile())!, "SnapshotTests.VerifyThrowsOnAMismatchBesideTheTestFile.received.txt"));
    }

    private static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
}
