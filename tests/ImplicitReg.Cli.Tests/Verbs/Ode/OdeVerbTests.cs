using System.Globalization;
using System.Text.Json;
using ImplicitReg.Cli.Hosting;
using ImplicitReg.Cli.Tests.Testing;

namespace ImplicitReg.Cli.Tests.Verbs.Ode;

public sealed class OdeVerbTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Run(args);

    private static double[][] Rows(string csv) =>
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();

    [Fact]
    public void TheStepOfRk4IsRefusedForTheAdaptiveMethods()
    {
        var (code, _, err) = Run("ode", "solve", "--equations", "x' = -x", "--init", "x=1", "--t1", "1", "--step", "0.1");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--step is the step of --method rk4", err);
    }

    [Fact]
    public void ATinyRk4StepIsRefusedWithTheFixThatHelps()
    {
        var (code, _, err) = Run("ode", "solve", "--equations", "x' = -x", "--init", "x=1", "--t1", "1", "--method", "rk4", "--step", "1e-300");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--step: this run would take about 1E+300 steps", err);
        Assert.Contains("a larger --step", err);
        Assert.DoesNotContain("smaller values", err); // a smaller step is more steps
    }

    [Fact]
    public void WithoutAtAHugeHorizonStopsAtTheRowLimitInsteadOfStreaming()
    {
        var (code, output, err) = Run("ode", "solve", "--equations", "x' = -y; y' = x", "--init", "x=1, y=0", "--t1", "1e12", "--max-rows", "500");
        Assert.Equal(ExitCodes.Unknown, code);
        Assert.Equal(501, output.TrimEnd().Split('\n').Length); // header and 500 rows
        Assert.Contains("more than 500 rows", err);
    }

    [Theory]
    [InlineData("--rtol", "0", "--atol", "0", "cannot both be 0")]
    [InlineData("--rtol", "-1", "--atol", "1e-9", "option --rtol must be in [0, 1), got -1")]
    [InlineData("--rtol", "nan", "--atol", "1e-9", "option --rtol expects a finite number, got 'nan'")]
    public void InvalidTolerancesAreRejected(string o1, string v1, string o2, string v2, string message)
    {
        var (code, _, err) = Run("ode", "solve", "--equations", "x' = -x", "--init", "x=1", "--t1", "1", o1, v1, o2, v2);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(message, err);
    }

    [Fact]
    public void TheRotationIsSolvedAtTheRequestedTimes()
    {
        var (code, output, _) = Run("ode", "solve", "--equations", "x' = -y; y' = x", "--init", "x=1, y=0", "--t1", "10",
            "--rtol", "1e-10", "--atol", "1e-12", "--at", "1,2,3");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.StartsWith("t,x,y\n", output);
        var rows = Rows(output);
        Assert.Equal(3, rows.Length);
        foreach (var r in rows)
        {
            Assert.Equal(Math.Cos(r[0]), r[1], 8);
            Assert.Equal(Math.Sin(r[0]), r[2], 8);
        }
    }

    [Theory]
    [InlineData("dopri5")]
    [InlineData("rk4")]
    [InlineData("stiff")]
    public void ATimeDependentRightSideIsSolvedByEveryMethod(string method)
    {
        // y' = y·cos(t): y = exp(sin t). Without --at every accepted step is a row, starting at t0.
        string[] step = method == "rk4" ? ["--step", "0.01"] : [];
        var (code, output, err) = Run(["ode", "solve", "--equations", "y' = y*cos(t)", "--init", "y=1", "--t1", "3", "--method", method,
            "--rtol", "1e-9", "--atol", "1e-12", .. step]);
        Assert.Equal(ExitCodes.Ok, code);
        var rows = Rows(output);
        Assert.Equal(0, rows[0][0]);
        Assert.Equal(3, rows[^1][0]);
        Assert.True(rows.Length > 5);
        var tolerance = method == "stiff" ? 1e-6 : 1e-8;
        Assert.True(Math.Abs(rows[^1][1] - Math.Exp(Math.Sin(3))) < tolerance, $"{method}: {rows[^1][1]}");
        Assert.Contains("accepted steps", err);
    }

    [Fact]
    public void EquationsComeFromAFileWithCommentsAndIndexedNames()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "# a decoupled pair\nW1[1,2]' = -W1[1,2]   # decay\nW1[2,1]' = 2\n");
            var (code, output, _) = Run("ode", "solve", "--equations", "@" + path, "--init", "W1[1,2]=1, W1[2,1]=0", "--t1", "1", "--at", "1");
            Assert.Equal(ExitCodes.Ok, code);
            Assert.StartsWith("t,\"W1[1,2]\",\"W1[2,1]\"\n", output);
            var row = Rows(output.Replace("\"W1[1,2]\",\"W1[2,1]\"", "a,b"))[0];
            Assert.Equal(Math.Exp(-1), row[1], 8);
            Assert.Equal(2, row[2], 10);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("x' = -y; y' = x*z", "line 1, column 17", "unknown symbol 'z'")]
    [InlineData("x' = -y\ny' = x +* 2", "line 2, column 9", "unexpected '*'")]
    [InlineData("x = -y; y' = x", "line 1, column 1", "must be a derivative")]
    [InlineData("x' = -y; x' = 1", "line 1, column 10", "defined twice")]
    public void ErrorsPointAtTheLineAndColumnOfTheWholeInput(string equations, string place, string reason)
    {
        var (code, _, err) = Run("ode", "solve", "--equations", equations, "--init", "x=1, y=0", "--t1", "1");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(place, err);
        Assert.Contains(reason, err);
        Assert.Contains("^", err);
        Assert.DoesNotContain("   at ", err);
    }

    [Theory]
    [InlineData("x=1", "no value for y")]
    [InlineData("x=1, y=0, z=2", "'z' is not a variable")]
    [InlineData("x=1, y=a", "must be a number")]
    public void BadInitialValuesAreUsageErrors(string init, string message)
    {
        var (code, _, err) = Run("ode", "solve", "--equations", "x' = -y; y' = x", "--init", init, "--t1", "1");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(message, err);
    }

    [Fact]
    public void ABlowUpExitsFourWithTheStep()
    {
        var (code, _, err) = Run("ode", "solve", "--equations", "x' = x^2", "--init", "x=1", "--t1", "2");
        Assert.Equal(ExitCodes.Diverged, code);
        Assert.Matches(@"diverged: .* \(step \d+\)", err);
    }

    [Fact]
    public void JsonHasTheTimesValuesEventsAndStatistics()
    {
        var (code, output, _) = Run("ode", "solve", "--equations", "x' = -x", "--init", "x=1", "--t1", "5", "--at", "1,2",
            "--event", "x - 1/2", "--format", "json", "--rtol", "1e-12", "--atol", "1e-14");
        Assert.Equal(ExitCodes.Ok, code);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal([1.0, 2.0], root.GetProperty("t").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(Math.Exp(-2), root.GetProperty("values").GetProperty("x")[1].GetDouble(), 10);
        var ev = Assert.Single(root.GetProperty("events").EnumerateArray());
        Assert.Equal(Math.Log(2), ev.GetProperty("t").GetDouble(), 10);
        Assert.True(root.GetProperty("statistics").GetProperty("acceptedSteps").GetInt64() > 0);
    }

    [Fact]
    public void AStoppingEventEndsTheRunAtTheRoot()
    {
        var (code, output, err) = Run("ode", "solve", "--equations", "x' = -x", "--init", "x=1", "--t1", "5", "--event", "x - 1/2", "--stop-at-event");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(Math.Log(2), Rows(output)[^1][0], 8);
        Assert.Contains("event 'x - 1/2'", err);
    }

    [Fact]
    public void CancellingKeepsTheRowsWrittenAndExits130()
    {
        using var cts = new CancellationTokenSource();
        var stdout = new CancelAfterLines(cts, 20);
        var io = new CliIO(new StringReader(""), stdout, new StringWriter(), cts.Token);
        var code = CliHost.Run(["ode", "solve", "--equations", "x' = -y; y' = x", "--init", "x=1, y=0", "--t1", "1000", "--method", "rk4", "--step", "0.001"], io);
        Assert.Equal(ExitCodes.Interrupted, code);
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.InRange(lines.Length, 20, 22);
        Assert.Equal("t,x,y", lines[0]);
    }

    /// <summary>A stdout that requests cancellation after a number of lines, like Ctrl-C during a run.</summary>
    private sealed class CancelAfterLines(CancellationTokenSource cts, int lines) : StringWriter
    {
        private int _count;

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (++_count == lines) cts.Cancel();
        }
    }
}
