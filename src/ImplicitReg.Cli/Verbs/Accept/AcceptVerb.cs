using System.CommandLine;
using ImplicitReg.Claims.Running;
using ImplicitReg.Cli.Hosting;
using ImplicitReg.Symbolic.Printing.Snapshots;
using ImplicitReg.Symbolic.Printing;

namespace ImplicitReg.Cli.Verbs.Accept;

/// <summary>
/// <c>implicitreg accept [PATH…]</c>: approves the snapshots that <c>verify</c> wrote as <c>.received.txt</c> beside
/// claim files, by moving each onto its <c>.verified.txt</c>. Refused when <c>CI=true</c>: snapshots are never
/// accepted automatically.
/// </summary>
public sealed class AcceptVerb : ICliVerb
{
    /// <inheritdoc />
    public string Name => "accept";

    /// <inheritdoc />
    public string Summary => "approve the received snapshots of claim files (moves .received.txt onto .verified.txt)";

    /// <inheritdoc />
    public Command Build(CliIO io)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "claim files (their own snapshots) or directories (every snapshot below; default: the catalogue)",
        };
        var command = new VerbCommand(Name, Summary, "implicitreg accept proofs/arora2019/m1-layer-flow.yaml",
            "0 accepted (or nothing to accept), 2 refused in CI or bad path")
        {
            Notes = "Review the received text first (verify prints the first difference), then run accept and commit the .verified.txt files.",
        };
        command.Arguments.Add(paths);
        return command.Runs(r =>
        {
            var ci = Environment.GetEnvironmentVariable("CI");
            if (ci is not null && (ci == "1" || ci.Equals("true", StringComparison.OrdinalIgnoreCase)))
                throw new CliUsageException($"accept is refused because CI={ci}: snapshots are approved locally, reviewed and committed");
            var given = r.GetValue(paths) ?? [];
            IReadOnlyList<string> roots = given.Length > 0 ? given : [ClaimFiles.DefaultCatalogue()
                ?? throw new CliUsageException("no PATH given and no catalogue found (run inside a clone, or give PATH)")];
            var received = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var root in roots)
            {
                if (Directory.Exists(root))
                    received.UnionWith(Directory.EnumerateFiles(root, "*.received.txt", SearchOption.AllDirectories));
                else if (File.Exists(root) && root.EndsWith(".received.txt", StringComparison.Ordinal))
                    received.Add(root);
                else if (File.Exists(root))
                {
                    // A claim file: its own snapshots, <dir>/<claim>.<check>.received.txt.
                    var dir = Path.GetDirectoryName(Path.GetFullPath(root))!;
                    var stem = Path.GetFileNameWithoutExtension(root);
                    received.UnionWith(Directory.EnumerateFiles(dir, $"{stem}.*.received.txt").Select(f => Path.Combine(Path.GetDirectoryName(root) ?? "", Path.GetFileName(f))));
                }
                else throw new CliUsageException($"no such file or directory: {root}");
            }
            foreach (var file in received) io.Out.WriteLine($"accepted {SnapshotText.Accept(file)}");
            io.Out.WriteLine($"accept: {Plural.Count(received.Count, "snapshot")} accepted");
            return ExitCodes.Ok;
        });
    }
}
