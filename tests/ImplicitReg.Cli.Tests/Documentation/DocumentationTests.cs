using System.Diagnostics;
using ImplicitReg.Cli.Hosting;
using ImplicitReg.Testing.Conditions;

namespace ImplicitReg.Cli.Tests.Documentation;

/// <summary>
/// Executable documentation: every <c>$ implicitreg …</c> example of README.md and docs/*.md runs in-process and
/// must print what the page shows (after <see cref="OutputScrubber"/>), with the exit code the page states. The
/// conventions (exit codes, excerpts, the scrubbing rule, fixture files) are in docs/cli.md. Examples run in
/// reading order (<see cref="PageOrder"/>).
/// </summary>
[TestCaseOrderer(PageOrder.TypeName, PageOrder.AssemblyName)]
public sealed class DocumentationTests
{
    private static readonly Lazy<string> Root = new(() => ImplicitReg.Testing.RepositoryRoot.Path);

    /// <summary>Examples that do not need the solver.</summary>
    public static TheoryData<string> Examples() => Select(solver: false);

    /// <summary>Examples of <c>prove</c>, which need libz3 (and the z3/cvc5 programs for --cross-check).</summary>
    public static TheoryData<string> SolverExamples() => Select(solver: true);

    [Theory]
    [MemberData(nameof(Examples))]
    public void TheExampleOutputIsWhatThePageShows(string example) => Check(example);

    [RequiresZ3Theory]
    [MemberData(nameof(SolverExamples))]
    public void TheSolverExampleOutputIsWhatThePageShows(string example) => Check(example);

    [Fact]
    public void ThePagesHaveExamplesAndTheParserFindsTheirConventions()
    {
        var all = AllExamples().ToList();
        Assert.True(all.Count > 60, $"only {all.Count} examples found");
        Assert.Contains(all, e => e.Excerpt && e.Command.Contains("| tail -3", StringComparison.Ordinal));
        Assert.Contains(all, e => e.ExitCode == 2);
        Assert.Contains(all, e => e.ExitCode == 1);
    }

    [Fact]
    public void ADriftIsCaughtAndAnExcerptChecksOnlyItsLinesInOrder()
    {
        // Negative controls: a wrong line, a wrong exit code and lines out of order must all fail.
        var page = new[]
        {
            "```", "$ implicitreg expr expand \"(x+y)^2\"", "x^2 + 2*x*y + y^2", "```",
            "```", "$ implicitreg expr expand \"(x+y)^2\"", "x^2 + 3*x*y + y^2", "```",
            "```", "$ implicitreg expr expand \"(x+1\"       # exit 0", "```",
            "```", "$ implicitreg derive --list | head -3", "  balancedness          │ M2    │ conservation of W(j+1)^T W(j+1) - Wj Wj^T along the layer flows, as an exact polynomial identity", "```",
            "```", "$ implicitreg derive --list | head -3", "  balancedness          │ M2    │ conservation of W(j+1)^T W(j+1) - Wj Wj^T along the layer flows, as an exact polynomial identity",
            "  layer-flow            │ M1    │ layer flows d/dt Wj = -dphi/dWj for any depth and shapes, compared with -(WN..W(j+1))^T G (W(j-1)..W1)^T", "```",
        };
        var examples = DocExample.Parse("control.md", page).ToList();
        Assert.Equal(5, examples.Count);
        Assert.Null(Mismatch(examples[0]));
        Assert.NotNull(Mismatch(examples[1]));
        Assert.NotNull(Mismatch(examples[2]));
        Assert.True(examples[3].Excerpt);
        Assert.Null(Mismatch(examples[3]));
        Assert.NotNull(Mismatch(examples[4])); // both lines exist, but not in this order
    }

    [Theory]
    [InlineData("expr diff \"x^2\" --wrt x   # exit 0, a comment", "expr diff \"x^2\" --wrt x", "exit 0, a comment")]
    [InlineData("prove \"x # y\"", "prove \"x # y\"", null)]
    [InlineData("ode solve --equations $'x\\' = -y' --t1 1      # exit 2", "ode solve --equations $'x\\' = -y' --t1 1", "exit 2")]
    public void CommentsAreSplitOffOutsideQuotes(string line, string command, string? comment) =>
        Assert.Equal((command, comment), DocExample.SplitComment(line));

    [Fact]
    public void ScrubbingReplacesTimesRatesAndSolverVersionsOnly()
    {
        Assert.Equal("time: <time>", OutputScrubber.Scrub("time: 544 ms"));
        Assert.Equal("case claim: unsat by z3 <version> <strategy> in <time>", OutputScrubber.Scrub("case claim: unsat by z3 4.8.12 qfnra-nlsat in 30 ms"));
        Assert.Equal("case claim: unsat by z3 <version> <strategy> in <time>", OutputScrubber.Scrub("case claim: unsat by z3 4.8.12 default (reversed) in 2 s"));
        // Only the member after the solver's version is loosened: the word elsewhere is compared as written.
        Assert.Equal("--strategy default", OutputScrubber.Scrub("--strategy default"));
        Assert.Equal("steps per second: <rate>", OutputScrubber.Scrub("steps per second: 112567"));
        Assert.Equal("run: converged at step 1546 (loss 9.99852E-05 <= 0.0001), time 4.638",
            OutputScrubber.Scrub("run: converged at step 1546 (loss 9.99852E-05 <= 0.0001), time 4.638"));
        Assert.Equal("0.01 1000 1.8569E-003", OutputScrubber.Scrub("0.01              1000 1.8569E-003"));
    }

    private static void Check(string id)
    {
        var example = AllExamples().Single(e => e.ToString() == id);
        var clock = Stopwatch.StartNew();
        var problem = Mismatch(example);
        Assert.True(problem is null, $"{id} ({clock.Elapsed.TotalSeconds:F1} s): {problem}");
    }

    /// <summary>Why the example's output differs from its page, or null when it matches.</summary>
    private static string? Mismatch(DocExample example)
    {
        var (code, stdout, stderr, dir) = Execute(example);
        try
        {
            var shown = code == ExitCodes.BadInput && stdout.Length == 0 ? stderr : stdout;
            var actual = OutputScrubber.Lines(shown.Split('\n'), dir);
            var expected = OutputScrubber.Lines(example.Expected);
            var header = $"$ {example.Command}\n--- page ---\n{string.Join("\n", expected)}\n--- program (exit {code}) ---\n{string.Join("\n", actual)}\n--- stderr ---\n{stderr}";
            if (code != example.ExitCode) return $"exit {code}, the page says {example.ExitCode}\n{header}";
            if (example.Excerpt)
            {
                int k = 0;
                foreach (var line in actual)
                    if (k < expected.Count && line == expected[k]) k++;
                return k == expected.Count ? null : $"excerpt line {k + 1} '{expected[k]}' not found in order\n{header}";
            }
            for (int i = 0; i < Math.Max(expected.Count, actual.Count); i++)
            {
                var e = i < expected.Count ? expected[i] : "<nothing>";
                var a = i < actual.Count ? actual[i] : "<nothing>";
                if (e != a) return $"line {i + 1}: page '{e}', program '{a}'\n{header}";
            }
            return null;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// Runs the pipeline in a fresh directory holding the fixtures; relative file arguments (@file, --smt2, --out)
    /// are made absolute in it, and the directory is scrubbed from the output.
    /// </summary>
    private static (int Code, string Out, string Err, string Dir) Execute(DocExample example)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"implicitreg-doc-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        foreach (var fixture in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Documentation", "Fixtures")))
            File.Copy(fixture, Path.Combine(dir, Path.GetFileName(fixture)));
        string stdin = "", stdout = "", stderr = "";
        int code = 0;
        foreach (var stage in DocExample.SplitPipeline(example.Command))
        {
            if (stage.Length == 0) continue;
            if (stage[0] == "printf")
            {
                stdin = DocExample.Printf(stage[1]);
                continue;
            }
            if (stage[0] != "implicitreg") continue; // head, tail, sed: an excerpt, checked line by line
            var args = stage.Skip(1).ToArray();
            for (int i = 0; i < args.Length; i++)
            {
                if (args[i].StartsWith('@') && !Path.IsPathRooted(args[i][1..])) args[i] = "@" + Path.Combine(dir, args[i][1..]);
                else if (i > 0 && args[i - 1] is "--smt2" or "--out" && !Path.IsPathRooted(args[i])) args[i] = Path.Combine(dir, args[i]);
            }
            var io = CliIO.ForStrings(stdin, out var o, out var e);
            code = CliHost.Run(args, io);
            stdout = o.ToString();
            stderr = e.ToString();
            stdin = stdout;
        }
        return (code, stdout, stderr, dir);
    }

    private static TheoryData<string> Select(bool solver)
    {
        var data = new TheoryData<string>();
        foreach (var e in AllExamples())
            if (e.Command.Contains("implicitreg prove", StringComparison.Ordinal) == solver) data.Add(e.ToString());
        return data;
    }

    private static IEnumerable<DocExample> AllExamples()
    {
        var pages = new[] { Path.Combine(Root.Value, "README.md") }
            .Concat(Directory.GetFiles(Path.Combine(Root.Value, "docs"), "*.md").Order(StringComparer.Ordinal));
        foreach (var page in pages)
            foreach (var e in DocExample.Parse(Path.GetRelativePath(Root.Value, page), File.ReadAllLines(page)))
                yield return e;
    }
}
