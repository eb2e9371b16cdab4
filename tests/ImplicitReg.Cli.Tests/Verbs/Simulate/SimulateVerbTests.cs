using System.Globalization;
using System.Text.Json;
using ImplicitReg.Cli.Hosting;
using ImplicitReg.Cli.Tests.Testing;

namespace ImplicitReg.Cli.Tests.Verbs.Simulate;

public sealed class SimulateVerbTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Run(args);

    [Fact]
    public void ADeepCompletionRunPrintsItsSeedSpeedAndFinalMetrics()
    {
        var (code, output, _) = Run("simulate", "dmf", "--depth", "3", "--shape", "20x20", "--rank", "2", "--observed", "200",
            "--init-scale", "1e-3", "--lr", "0.5", "--steps", "300", "--seed", "7");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("seed: 7", output);
        Assert.Matches(@"steps per second: \d+", output);
        Assert.Contains("singular values", output);
        Assert.Contains("reconstruction", output);
    }

    // The default period is a 200th of the step limit: this run converges at step 1546 of 2,000,000 and keeps two rows.
    [Fact]
    public void ARunThatStopsEarlyWithFewRowsSaysHowManyAndHowToRecordMore()
    {
        string[] args = ["simulate", "dmf", "--problem", "2x2", "--depth", "2", "--init-std", "0.1", "--positive-det", "--lr", "3e-3",
            "--steps", "2000000", "--stop-loss", "1e-4", "--seed", "3"];
        var (code, sparse, _) = Run(args);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("\nrecords: only 2 rows recorded, one every 10000 steps: the run stopped at step 1546 of 2000000; --record-every 7 would record about 221\n", sparse);
        // Negative control: with the period it suggests, the run keeps enough rows and says nothing more.
        var (_, dense, _) = Run([.. args, "--record-every", "7"]);
        Assert.DoesNotContain("records:", dense);
        Assert.Contains("final (step 1546):", dense);
    }

    [Fact]
    public void TheSameSeedReproducesTheRunAndTheCsvRecordsIt()
    {
        var path = Path.GetTempFileName();
        try
        {
            string[] args = ["simulate", "dmf", "--problem", "2x2", "--depth", "3", "--init-std", "0.3", "--positive-det", "--lr", "0.05",
                "--steps", "500", "--record-every", "100", "--seed", "3", "--format", "json"];
            var (code, first, _) = Run([.. args, "--out", path]);
            Assert.Equal(ExitCodes.Ok, code);
            var (_, second, _) = Run(args);
            using var a = JsonDocument.Parse(first);
            using var b = JsonDocument.Parse(second);
            Assert.Equal(a.RootElement.GetProperty("finalLoss").GetDouble(), b.RootElement.GetProperty("finalLoss").GetDouble());
            Assert.Equal(3, a.RootElement.GetProperty("seed").GetInt32());
            var lines = File.ReadAllLines(path);
            Assert.StartsWith("# implicitreg simulate dmf seed=3", lines[0]);
            Assert.StartsWith("step,time,loss,", lines[1]);
            Assert.Equal(2 + 6, lines.Length); // steps 0, 100, …, 500
            var det = lines[1].Split(',').ToList().IndexOf("det");
            Assert.True(double.Parse(lines[2].Split(',')[det], CultureInfo.InvariantCulture) > 0, "--positive-det: det W(0) > 0");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void DivergenceExitsFourWithTheStep()
    {
        var (code, output, err) = Run("simulate", "dmf", "--problem", "2x2", "--depth", "3", "--init-std", "1", "--lr", "100", "--steps", "1000", "--format", "json");
        Assert.Equal(ExitCodes.Diverged, code);
        Assert.Matches(@"diverged: .* at step \d+", err);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("diverged", doc.RootElement.GetProperty("status").GetString());
        Assert.True(doc.RootElement.GetProperty("divergedAt").GetInt64() >= 0);
    }

    [Fact]
    public void AnInitializationThatOverflowsIsBlamedNotTheStepSize()
    {
        var (code, _, err) = Run("simulate", "dmf", "--problem", "2x2", "--depth", "3", "--init-std", "1e200", "--steps", "5");
        Assert.Equal(ExitCodes.Diverged, code);
        Assert.Contains("at step 0, before any update", err);
        Assert.Contains("lower --init-std or --init-scale", err);
        Assert.DoesNotContain("lower --lr", err);
    }

    [Fact]
    public void TheCpAndSymmetricModelsRun()
    {
        var (code, output, _) = Run("simulate", "cp", "--sizes", "4x4x4", "--rank", "1", "--observed", "40", "--components", "10",
            "--steps", "200", "--seed", "1");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("top component norms", output);
        var (code2, output2, _) = Run("simulate", "sym", "--size", "3", "--observed", "4", "--lr", "0.5", "--steps", "20000", "--seed", "2");
        Assert.Equal(ExitCodes.Ok, code2);
        Assert.Contains("trace X", output2);
    }

    [Theory]
    [InlineData("--shape", "10by10", "ROWSxCOLUMNS")]
    [InlineData("--init", "zeros", "must be one of")]
    [InlineData("--loss", "l1", "option --loss must be one of")]
    [InlineData("--lrr", "1", "unknown option '--lrr'")]
    public void BadOptionsAreUsageErrors(string option, string value, string message)
    {
        var (code, _, err) = Run("simulate", "dmf", option, value, "--steps", "1");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(message, err);
    }

    [Theory]
    [InlineData("simulate", "dmf", "-1")]
    [InlineData("simulate", "cp", "-1")]
    [InlineData("simulate", "sym", "-2147483648")]
    [InlineData("simulate", "sym", "2147483648")]
    [InlineData("compare", "flow-vs-gd", "-1")]
    [InlineData("compare", "singular-values", "-1")]
    [InlineData("expr", "equal", "-1")]
    public void ASeedOutsideTheGeneratorsRangeIsRefusedByEveryVerbThatTakesOne(string verb, string sub, string seed)
    {
        string[] args = verb == "expr" ? [verb, sub, "sin(x)^2+cos(x)^2", "1", "--seed", seed] : [verb, sub, "--seed", seed];
        var (code, output, err) = Run(args);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("", output);
        Assert.Contains($"error: option --seed must be between 0 and 2147483647, got {seed}: the generator starts from |seed|", err);
        Assert.DoesNotContain("Exception", err);
    }

    [Fact]
    public void TheLargestSeedRunsAndIsRecorded()
    {
        // Negative control of the range: its upper end is a seed like any other.
        var (code, output, _) = Run("simulate", "sym", "--size", "3", "--steps", "10", "--seed", "2147483647");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("seed: 2147483647", output);
    }

    [Fact]
    public void AnInterruptedRunKeepsTheCsvAndExits130()
    {
        var path = Path.GetTempFileName();
        try
        {
            using var cts = new CancellationTokenSource();
            cts.Cancel(); // Ctrl-C before the first update: the first record is still written
            var io = new CliIO(new StringReader(""), new StringWriter(), new StringWriter(), cts.Token);
            var code = CliHost.Run(["simulate", "dmf", "--problem", "2x2", "--steps", "1000", "--out", path], io);
            Assert.Equal(ExitCodes.Interrupted, code);
            var lines = File.ReadAllLines(path);
            Assert.Equal(3, lines.Length);
            Assert.StartsWith("0,0,", lines[2]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AnUnknownModelIsAUsageError()
    {
        var (code, _, err) = Run("simulate", "mlp");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("dmf, cp, sym", err);
    }

    [Fact]
    public void AFewStepsOnLargeLayersAreRefusedForTheirRecordsNotLeftToRunForMinutes()
    {
        // One step of 2000x2000 layers costs little, but each of its records takes an SVD of W (minutes in all):
        // without the records in the work estimate this run started and looked hung.
        var (code, _, err) = Run("simulate", "dmf", "--dims", "2000,2000,2000", "--steps", "1", "--max-memory", "8G");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("multiply-adds, over the limit", err);
        Assert.Contains("--record-every", err);
        // negative control: the same run on small layers (records of a few milliseconds) still runs.
        var (small, _, smallErr) = Run("simulate", "dmf", "--dims", "60,60,60", "--steps", "1");
        Assert.True(small == ExitCodes.Ok, smallErr);
    }

    [Fact]
    public void ARunOverTheWorkLimitIsRefusedBeforeItsLayersAreBuilt()
    {
        // Building a 6000x6000 random problem and its layers takes minutes on its own: the work is judged from the
        // sizes first, so the refusal is immediate (it took 4.5 minutes when judged after building).
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (code, _, err) = Run("simulate", "dmf", "--problem", "random", "--shape", "6000x6000", "--steps", "1");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("multiply-adds, over the limit", err);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"refused after {clock.Elapsed}");
    }

    [Theory]
    [InlineData("dmf")]
    [InlineData("cp")]
    [InlineData("sym")]
    public void TheHelpDescribesTheCsvsFirstLineAndTheDefaultRecordingAsTheyAre(string model)
    {
        // The help once promised "first line: '# seed=...'" and "about 200 records per run"; the first line starts
        // with the command, and the default interval is a 200th of the step limit, whatever --stop-loss does.
        var help = Run("simulate", model, "--help").Out.ReplaceLineEndings(" ");
        var words = string.Join(' ', help.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("first line: '# implicitreg simulate <model> seed=...'", words);
        Assert.Contains("default: --steps/200", words);
        Assert.Contains("a run --stop-loss ends early has fewer", words);
        Assert.DoesNotContain("'# seed=...'", words);
    }
}
