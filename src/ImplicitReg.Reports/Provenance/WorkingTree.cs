using ImplicitReg.Processes;
using ImplicitReg.Symbolic.Printing;

namespace ImplicitReg.Reports.Provenance;

/// <summary>
/// Whether the results came from the recorded commit exactly: the state of the git working tree that holds the claim
/// files when the report was made. <see cref="State"/> is <c>clean</c> (no uncommitted change to a tracked file, no
/// untracked file under <c>src/</c> or <c>proofs/</c>), <c>dirty</c>, or <c>unknown</c> (git missing, not a
/// repository, git failed: <see cref="Detail"/> says which). A commit alone reads the same for both.
/// </summary>
/// <param name="State">clean, dirty or unknown.</param>
/// <param name="TrackedChanges">Tracked files with uncommitted changes (staged or not), or null when unknown.</param>
/// <param name="UntrackedSources">Untracked files under src/ or proofs/, or null when unknown.</param>
/// <param name="Head">The commit checked out in that tree, or null when unknown.</param>
/// <param name="Detail">One sentence for the reader: what changed (the first few paths), or why the state is unknown.</param>
public sealed record WorkingTree(string State, int? TrackedChanges, int? UntrackedSources, string? Head, string Detail)
{
    /// <summary>Paths named in <see cref="Detail"/> at most; the counts are complete.</summary>
    public const int PathsNamed = 5;

    /// <summary>Longest wait for one git command: a hung git must not hang the report.</summary>
    private static readonly TimeSpan GitTimeout = TimeSpan.FromSeconds(20);

    /// <summary>A state that was not inspected or could not be, with the reason.</summary>
    public static WorkingTree Unknown(string why) => new("unknown", null, null, null, why);

    /// <summary>
    /// Inspects the git working tree that holds <paramref name="path"/> (a file or a directory) with
    /// <c>git status --porcelain</c>. Never throws: without git, outside a repository, or when git fails or hangs, the
    /// state is <c>unknown</c> with the reason.
    /// </summary>
    public static WorkingTree Inspect(string path)
    {
        string directory;
        try
        {
            var full = Path.GetFullPath(path);
            directory = Directory.Exists(full) ? full : Path.GetDirectoryName(full) ?? full;
            if (!Directory.Exists(directory)) return Unknown($"'{path}' does not exist");
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return Unknown($"'{path}' is not a path");
        }
        var top = Git(directory, "rev-parse", "--show-toplevel");
        if (top.Error is { } error) return Unknown(error);
        var root = top.Output.Trim();
        var head = Git(root, "rev-parse", "HEAD");
        // -z: paths verbatim (no quoting), NUL-separated; --untracked-files=all lists files inside untracked directories.
        var status = Git(root, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--ignore-submodules=none");
        if (status.Error is { } statusError) return Unknown(statusError);
        return FromStatus(status.Output, head.Error is null ? head.Output.Trim() : null);
    }

    /// <summary>The state from the output of <c>git status --porcelain=v1 -z</c> (entries <c>XY path</c>, NUL-separated).</summary>
    public static WorkingTree FromStatus(string porcelain, string? head)
    {
        var tracked = new List<string>();
        var untracked = new List<string>();
        var entries = porcelain.Split('\0');
        for (int i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            if (entry.Length < 4) continue;
            var code = entry[..2];
            var file = entry[3..];
            if (code == "??")
            {
                if (file.StartsWith("src/", StringComparison.Ordinal) || file.StartsWith("proofs/", StringComparison.Ordinal)) untracked.Add(file);
            }
            else if (code != "!!")
            {
                tracked.Add(file);
                // A rename or copy is followed by its source path as one more entry.
                if (code[0] is 'R' or 'C') i++;
            }
        }
        if (tracked.Count == 0 && untracked.Count == 0)
            return new("clean", 0, 0, head, "no uncommitted change to a tracked file and no untracked file under src/ or proofs/");
        var parts = new List<string>();
        if (tracked.Count > 0) parts.Add($"{Plural.Count(tracked.Count, "tracked file")} with uncommitted changes ({Named(tracked)})");
        if (untracked.Count > 0) parts.Add($"{Plural.Count(untracked.Count, "untracked file")} under src/ or proofs/ ({Named(untracked)})");
        return new("dirty", tracked.Count, untracked.Count, head, string.Join("; ", parts));
    }

    private static string Named(List<string> files) =>
        string.Join(", ", files.Take(PathsNamed)) + (files.Count > PathsNamed ? $", … {files.Count - PathsNamed} more" : "");

    // git itself rather than a library: no git library is among the served packages (LibGit2Sharp also needs native
    // binaries), and `git status` is the command a reviewer would run to check the same thing.
    private static (string Output, string? Error) Git(string directory, params string[] args)
    {
        var run = ExternalProgram.Run("git", ["-C", directory, .. args], GitTimeout, workingDirectory: directory, environment: GitEnvironment);
        switch (run.Outcome)
        {
            case ProgramOutcome.NotStarted: return ("", "git is not installed");
            case ProgramOutcome.TimedOut: return ("", $"git did not answer within {GitTimeout.TotalSeconds:0} s");
        }
        if (run.ExitCode == 0) return (run.Output, null);
        var message = run.Error.Trim();
        return ("", message.Contains("not a git repository", StringComparison.OrdinalIgnoreCase)
            ? "the claim files are not in a git repository"
            : $"git {args[0]} failed (exit {run.ExitCode}): {FirstLine(message)}");
    }

    // A prompt (credentials, pager) must never wait for a reader that is not there.
    private static readonly Dictionary<string, string> GitEnvironment = new(StringComparer.Ordinal)
    {
        ["GIT_TERMINAL_PROMPT"] = "0",
        ["GIT_PAGER"] = "cat",
    };

    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? text : text[..end];
    }
}
