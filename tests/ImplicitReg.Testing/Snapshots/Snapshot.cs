using System.Runtime.CompilerServices;
using System.Text;
using ImplicitReg.Symbolic.Printing.Snapshots;
using Xunit.Sdk;

namespace ImplicitReg.Testing.Snapshots;

/// <summary>
/// Snapshot assertions in Verify's conventions. The expected text lives in
/// <c>{TestClass}.{TestMethod}[_{param}={value}…].verified.txt</c> beside the test file (found through
/// <see cref="CallerFilePathAttribute"/>; the class is the file's name). On a mismatch, or when no verified
/// file exists, the actual text is written to the matching <c>.received.txt</c> and the test fails with both
/// paths and both texts. Accepting is explicit: <c>scripts/accept-snapshots.sh</c> moves received files onto
/// verified ones, or <c>IMPLICITREG_ACCEPT_SNAPSHOTS=1</c> writes verified files during the run (refused when
/// <c>CI=true</c>). Files are UTF-8 without BOM, LF line endings, scrubbed by <see cref="SnapshotScrubber"/>.
/// </summary>
/// <example><c>Snapshot.Verify(text, ("depth", 3));</c> in <c>DerivationTests.Renders</c> compares with
/// <c>DerivationTests.Renders_depth=3.verified.txt</c>.</example>
public static class Snapshot
{
    private static readonly UTF8Encoding Utf8 = SnapshotText.Utf8;

    /// <summary>Compares <paramref name="text"/> with the snapshot of the calling test.</summary>
    public static void Verify(string text, [CallerFilePath] string testFile = "", [CallerMemberName] string testMethod = "") =>
        VerifyCore(text, [], testFile, testMethod);

    /// <summary>Compares with the snapshot of one case of a parameterised test.</summary>
    public static void Verify(string text, (string Name, object Value) parameter,
        [CallerFilePath] string testFile = "", [CallerMemberName] string testMethod = "") =>
        VerifyCore(text, [parameter], testFile, testMethod);

    /// <summary>Compares with the snapshot of one case of a test with several parameters.</summary>
    public static void Verify(string text, (string Name, object Value)[] parameters,
        [CallerFilePath] string testFile = "", [CallerMemberName] string testMethod = "") =>
        VerifyCore(text, parameters, testFile, testMethod);

    private static void VerifyCore(string text, (string Name, object Value)[] parameters, string testFile, string testMethod)
    {
        if (string.IsNullOrEmpty(testFile) || !Path.IsPathRooted(testFile))
            throw new InvalidOperationException("Snapshot.Verify needs the caller's file path; call it directly from the test method");
        var directory = Path.GetDirectoryName(testFile)!;
        var name = FileStem(Path.GetFileNameWithoutExtension(testFile), testMethod, parameters);
        var outcome = Check(text, directory, name, SnapshotMode.FromEnvironment(), ImplicitReg.Testing.RepositoryRoot.Above(directory));
        if (!outcome.Passed) throw new XunitException(outcome.Message);
    }

    /// <summary>
    /// The check itself, with the directory, file stem and mode explicit (what <see cref="Verify(string, string, string)"/>
    /// uses; tests of the helper call it on a temporary directory).
    /// </summary>
    public static SnapshotOutcome Check(string text, string directory, string stem, SnapshotMode mode, string? repositoryRoot = null)
    {
        var verifiedPath = Path.Combine(directory, stem + ".verified.txt");
        var receivedPath = Path.Combine(directory, stem + ".received.txt");
        // The comparison (scrubbing, normalising, writing the received file) is the library's, shared with claim files.
        var (matched, actual, expected) = SnapshotText.Compare(text, verifiedPath, receivedPath, repositoryRoot);
        if (matched) return new SnapshotOutcome(true, SnapshotState.Matched, verifiedPath, receivedPath, "");

        if (mode.Accept && !mode.IsCi)
        {
            File.Delete(receivedPath);
            File.WriteAllText(verifiedPath, actual, Utf8);
            return new SnapshotOutcome(true, SnapshotState.Accepted, verifiedPath, receivedPath, "");
        }

        var state = expected is null ? SnapshotState.New : SnapshotState.Mismatch;
        var message = new StringBuilder();
        message.Append(state == SnapshotState.New
            ? "Snapshot is new: no verified file yet"
            : "Snapshot mismatch").Append('\n');
        if (mode.Accept && mode.IsCi) message.Append($"{SnapshotMode.AcceptVariable} is ignored because CI=true: snapshots are never accepted in CI.\n");
        message.Append($"Received: {receivedPath}\n");
        message.Append($"Verified: {verifiedPath}\n");
        if (expected is not null && SnapshotText.FirstDifference(expected, actual) is var (line, e, a))
            message.Append($"First difference at line {line}:\n  verified: {e}\n  received: {a}\n");
        message.Append("--- received ---\n").Append(actual).Append(actual.EndsWith('\n') ? "" : "\n");
        message.Append("--- verified ---\n").Append(expected ?? "(missing)\n");
        message.Append("If the received text is right: scripts/accept-snapshots.sh (or rerun with ")
            .Append(SnapshotMode.AcceptVariable).Append("=1 outside CI), then review the diff and commit the .verified.txt.");
        return new SnapshotOutcome(false, state, verifiedPath, receivedPath, message.ToString());
    }

    /// <summary><c>{class}.{method}</c> plus <c>_{name}={value}</c> per parameter, with characters unsafe in file names replaced.</summary>
    public static string FileStem(string testClass, string testMethod, IEnumerable<(string Name, object Value)> parameters)
    {
        var sb = new StringBuilder(testClass).Append('.').Append(testMethod);
        foreach (var (n, v) in parameters) sb.Append('_').Append(n).Append('=').Append(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture));
        var invalid = Path.GetInvalidFileNameChars().Concat(['\\', '/', ':', '*', '?', '"', '<', '>', '|', ' ']).ToHashSet();
        return new string(sb.ToString().Select(c => invalid.Contains(c) ? '-' : c).ToArray());
    }
}

/// <summary>What a snapshot check found.</summary>
public enum SnapshotState
{
    Matched,
    Accepted,
    New,
    Mismatch,
}

/// <summary>The result of <see cref="Snapshot.Check"/>: whether it passed, the two paths and the failure message.</summary>
public sealed record SnapshotOutcome(bool Passed, SnapshotState State, string VerifiedPath, string ReceivedPath, string Message);
