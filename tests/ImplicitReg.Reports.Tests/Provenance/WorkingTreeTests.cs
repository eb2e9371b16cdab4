using System.Diagnostics;
using System.Text.Json;
using ImplicitReg.Reports.Html;
using ImplicitReg.Reports.Markdown;
using ImplicitReg.Reports.Provenance;
using ImplicitReg.Reports.Tests.Html;
using ImplicitReg.Testing.Conditions;

namespace ImplicitReg.Reports.Tests.Provenance;

/// <summary>
/// A commit alone does not say the results are that commit's: the provenance records whether the claim files' working
/// tree had uncommitted changes, inspected with git in a scratch repository here; no git or no repository is "unknown".
/// </summary>
public sealed class WorkingTreeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("report-tree-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public sealed class RequiresGitFactAttribute : FactAttribute
    {
        public RequiresGitFactAttribute()
        {
            if (!CommandLineTool.IsOnPath("git")) Skip = "git is not installed (apt-get install git)";
        }
    }

    private string Repo()
    {
        var repo = Directory.CreateDirectory(Path.Combine(_dir, "repo")).FullName;
        Write(repo, "src/Tool.cs", "class Tool {}\n");
        Write(repo, "proofs/m6.yaml", "id: m6\n");
        Git(repo, "init", "-q");
        Git(repo, "add", "-A");
        Git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "first");
        return repo;
    }

    private static void Write(string repo, string file, string text)
    {
        var path = Path.Combine(repo, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static string Git(string repo, params string[] args)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = repo };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var git = Process.Start(start)!;
        var output = git.StandardOutput.ReadToEnd();
        var error = git.StandardError.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', args)}: {error}");
        return output.Trim();
    }

    [RequiresGitFact]
    public void ACommittedTreeIsCleanAndAnEditOrANewSourceMakesItDirty()
    {
        var repo = Repo();
        var head = Git(repo, "rev-parse", "HEAD");
        var clean = WorkingTree.Inspect(Path.Combine(repo, "proofs"));
        Assert.Equal(("clean", 0, 0, head), (clean.State, clean.TrackedChanges, clean.UntrackedSources, clean.Head));
        // Untracked files outside src/ and proofs/ (notes, outputs) do not touch the results.
        Write(repo, "notes.txt", "x\n");
        Write(repo, "report/report.html", "x\n");
        Assert.Equal("clean", WorkingTree.Inspect(Path.Combine(repo, "proofs", "m6.yaml")).State);

        Write(repo, "src/Tool.cs", "class Tool { int x; }\n");
        var edited = WorkingTree.Inspect(repo);
        Assert.Equal(("dirty", 1, 0), (edited.State, edited.TrackedChanges, edited.UntrackedSources));
        Assert.Equal("1 tracked file with uncommitted changes (src/Tool.cs)", edited.Detail);

        Git(repo, "add", "src/Tool.cs"); // staged but not committed: still not the commit
        Write(repo, "proofs/new dir/m7.yaml", "id: m7\n");
        var staged = WorkingTree.Inspect(repo);
        Assert.Equal(("dirty", 1, 1), (staged.State, staged.TrackedChanges, staged.UntrackedSources));
        Assert.Equal("1 tracked file with uncommitted changes (src/Tool.cs); 1 untracked file under src/ or proofs/ (proofs/new dir/m7.yaml)", staged.Detail);

        Git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "second");
        var untrackedOnly = WorkingTree.Inspect(repo);
        Assert.Equal(("dirty", 0, 1), (untrackedOnly.State, untrackedOnly.TrackedChanges, untrackedOnly.UntrackedSources));
        File.Delete(Path.Combine(repo, "proofs", "new dir", "m7.yaml"));
        Assert.Equal("clean", WorkingTree.Inspect(repo).State);
    }

    [RequiresGitFact]
    public void ADirectoryOutsideAnyRepositoryOrAMissingPathIsUnknownNotAnError()
    {
        var plain = Directory.CreateDirectory(Path.Combine(_dir, "plain")).FullName;
        // Only meaningful when the temp directory is not itself inside a clone.
        if (WorkingTree.Inspect(plain).Head is not null) return;
        var tree = WorkingTree.Inspect(plain);
        Assert.Equal(("unknown", null, null), (tree.State, tree.TrackedChanges, tree.UntrackedSources));
        Assert.Equal("the claim files are not in a git repository", tree.Detail);
        Assert.Equal("unknown", WorkingTree.Inspect(Path.Combine(_dir, "no", "such", "dir")).State);
    }

    [Fact]
    public void RenamesAreOneChangeAndManyPathsAreCountedNotAllNamed()
    {
        var porcelain = "R  src/New.cs\0src/Old.cs\0 M proofs/a.yaml\0?? src/x1.cs\0?? src/x2.cs\0?? src/x3.cs\0?? src/x4.cs\0?? src/x5.cs\0?? src/x6.cs\0?? docs/d.md\0";
        var tree = WorkingTree.FromStatus(porcelain, "abc");
        Assert.Equal(("dirty", 2, 6), (tree.State, tree.TrackedChanges, tree.UntrackedSources));
        Assert.EndsWith("(src/x1.cs, src/x2.cs, src/x3.cs, src/x4.cs, src/x5.cs, … 1 more)", tree.Detail, StringComparison.Ordinal);
        Assert.Equal("clean", WorkingTree.FromStatus("", "abc").State);
        // Negative control: untracked files outside src/ and proofs/ (notes, build output) leave the tree clean.
        var outside = WorkingTree.FromStatus("?? docs/notes.md\0?? out/x.dll\0", "abc");
        Assert.Equal(("clean", 0, 0), (outside.State, outside.TrackedChanges, outside.UntrackedSources));
    }

    [RequiresGitFact]
    public void ThePageTheMarkdownAndProvenanceJsonSayWhetherTheTreeWasDirty()
    {
        var repo = Repo();
        Write(repo, "src/Tool.cs", "class Tool { int x; }\n");
        var result = SampleResults.Build(Directory.CreateDirectory(Path.Combine(_dir, "certs")).FullName, TimeSpan.FromMilliseconds(5));
        var provenance = ReportProvenance.Collect(result, DateTimeOffset.UnixEpoch, "4.8.12", WorkingTree.Inspect(repo));
        var content = ReportContent.Build(result, provenance);

        var html = HtmlReport.Render(content);
        Assert.Contains("<tr><th>working tree</th><td><span class=\"fail\">dirty: 1 tracked file with uncommitted changes (src/Tool.cs)", html, StringComparison.Ordinal);
        Assert.Contains("- working tree: **dirty**: 1 tracked file with uncommitted changes (src/Tool.cs)", MarkdownReport.Render(content), StringComparison.Ordinal);
        // Also next to the verdict at the top, where a reviewer reads first, not only in the provenance at the end.
        var warning = $"<p class=\"fail\">These results need not be those of commit {provenance.Commit}: the claim files";
        Assert.True(html.IndexOf(warning, StringComparison.Ordinal) is var at && at > 0 && at < html.IndexOf("<h2 id=\"summary\">", StringComparison.Ordinal), html[..2000]);
        Assert.Contains("uncommitted changes (1 tracked file with uncommitted changes (src/Tool.cs)). (<a href=\"#provenance\">provenance</a>)</p>", html, StringComparison.Ordinal);
        Assert.Contains("**These results need not be those of commit", MarkdownReport.Render(content), StringComparison.Ordinal);
        var clean = ReportContent.Build(result, provenance with { Tree = WorkingTree.FromStatus("", "abc") });
        Assert.DoesNotContain("These results need not be", HtmlReport.Render(clean), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(ProvenanceJson.Write(provenance));
        var tree = json.RootElement.GetProperty("workingTree");
        Assert.Equal("dirty", tree.GetProperty("state").GetString());
        Assert.Equal(1, tree.GetProperty("trackedChanges").GetInt32());
        Assert.Equal(0, tree.GetProperty("untrackedUnderSrcOrProofs").GetInt32());
        Assert.Equal(Git(repo, "rev-parse", "HEAD"), tree.GetProperty("head").GetString());

        // The toolkit built from another commit than the one checked out: said, since the results need not be either's.
        var other = provenance with { Commit = "0123456789abcdef0123456789abcdef01234567" };
        Assert.Contains("not the toolkit's 0123456789abcdef0123456789abcdef01234567", other.TreeText(), StringComparison.Ordinal);
        // Negative control: the commit checked out, abbreviated as a build may stamp it, gets no such note.
        var checkedOut = Git(repo, "rev-parse", "HEAD");
        Assert.DoesNotContain("checked out", (provenance with { Commit = checkedOut[..12] }).TreeText(), StringComparison.Ordinal);

        var unknown = ReportProvenance.Collect(result, DateTimeOffset.UnixEpoch, "4.8.12", WorkingTree.Unknown("git is not installed"));
        using var unknownJson = JsonDocument.Parse(ProvenanceJson.Write(unknown));
        Assert.Equal(JsonValueKind.Null, unknownJson.RootElement.GetProperty("workingTree").GetProperty("trackedChanges").ValueKind);
        Assert.Contains("<span class=\"undecided\">unknown: git is not installed</span>", HtmlReport.Render(ReportContent.Build(result, unknown)), StringComparison.Ordinal);
    }
}
