using ImplicitReg.Experiments.Simulators.Optimizers;
using System.Globalization;
using System.Text.Json;
using ImplicitReg.Cli.Hosting;
using ImplicitReg.Experiments.Runs;
using ImplicitReg.Symbolic.Printing;

namespace ImplicitReg.Cli.Verbs.Simulate;

/// <summary>
/// The parts of the final report every <c>simulate</c> model shares (identity, optimizer and how the run ended),
/// in JSON and in text; each model adds its own fields and final metrics.
/// </summary>
internal static class RunReport
{
    /// <summary>The JSON object of a finished run.</summary>
    /// <param name="modelFields">the model's fields between the loss and the optimizer.</param>
    /// <param name="withTime">whether the gradient-flow time of the run is reported (dmf).</param>
    /// <param name="finalFields">the model's final metrics, written last (nothing when there are none).</param>
    public static string Json(PreparedRun run, RecordedRunResult recorded, Action<Utf8JsonWriter> modelFields, bool withTime,
        Action<Utf8JsonWriter> finalFields) => JsonText.Render(w =>
    {
        var r = recorded.Result;
        var optimizer = run.Schedule.Optimizer;
        w.WriteStartObject();
        w.WriteString("model", run.Model);
        w.WriteNumber("seed", run.Seed);
        w.WriteString("problem", run.ProblemName);
        w.WriteString("loss", run.LossName);
        modelFields(w);
        w.WriteString("optimizer", optimizer.Name);
        Numbers.Write(w, "learningRate", optimizer.LearningRate);
        if (optimizer is GroupRmsprop g) Numbers.Write(w, "epsilon", g.Epsilon);
        w.WriteString("status", SimulateVerb.StatusName(r.Status));
        w.WriteNumber("steps", r.Steps);
        if (r.DivergedAt is { } at) w.WriteNumber("divergedAt", at);
        if (withTime) Numbers.Write(w, "time", r.Time);
        Numbers.Write(w, "stepsPerSecond", r.StepsPerSecond);
        Numbers.Write(w, "finalLoss", r.FinalLoss);
        finalFields(w);
        w.WriteEndObject();
    });

    /// <summary>The text report's opening lines: seed, problem, model, optimizer, how the run ended and its speed (and how to record more rows when the run kept few).</summary>
    /// <param name="withTime">whether the gradient-flow time of the run is reported (dmf).</param>
    /// <param name="stepsPerSecondFormat">a numeric format: slow models (cp) show a decimal.</param>
    public static void WriteHeading(TextWriter o, PreparedRun run, RecordedRunResult recorded, bool withTime, string stepsPerSecondFormat)
    {
        var r = recorded.Result;
        o.WriteLine($"seed: {run.Seed}");
        o.WriteLine($"problem: {run.ProblemLine}");
        o.WriteLine(run.ModelLine);
        o.WriteLine($"optimizer: {run.Schedule.DescribeOptimizer()}");
        o.WriteLine($"linear algebra: {run.LinearAlgebra}");
        o.WriteLine($"run: {SimulateVerb.DescribeStatus(r, run.Schedule.StopLoss)}{(withTime ? $", time {Numbers.Short(r.Time)}" : "")}");
        o.WriteLine($"steps per second: {r.StepsPerSecond.ToString(stepsPerSecondFormat, CultureInfo.InvariantCulture)}");
        // The default period is a 200th of the step LIMIT: a run that its stopping loss ends early keeps few rows.
        if (RecordingText.FewRowsNote(r, run.Schedule.Steps, run.Schedule.RecordEvery, recorded.RecordCount, "--record-every") is { } few)
            o.WriteLine($"records: {few}");
    }
    /// <summary>
    /// Reports a finished run of a model whose final metrics are read off its last CSV row (cp, sym): JSON or the text
    /// heading and a <c>final (step k):</c> block, then the exit code. The last finite row is used, so a diverged run
    /// still reports where it was before.
    /// </summary>
    /// <param name="modelFields">the model's JSON fields between the loss and the optimizer.</param>
    /// <param name="finalJson">the final metrics in JSON, from the last row.</param>
    /// <param name="finalText">the lines of the text <c>final</c> block, from the last row.</param>
    public static int Finish(CliIO io, PreparedRun run, RecordedRunResult recorded, bool json, string stepsPerSecondFormat,
        Action<Utf8JsonWriter> modelFields, Action<Utf8JsonWriter, double[]> finalJson, Func<double[], IEnumerable<string>> finalText)
    {
        var last = recorded.Rows.Count > 0 ? recorded.Rows[^1] : null;
        if (json)
        {
            io.Out.Write(Json(run, recorded, modelFields, withTime: false, w =>
            {
                if (last is not null) finalJson(w, last);
            }));
        }
        else
        {
            WriteHeading(io.Out, run, recorded, withTime: false, stepsPerSecondFormat);
            if (last is not null)
            {
                io.Out.WriteLine($"final (step {last[0]}):");
                foreach (var line in finalText(last)) io.Out.WriteLine($"  {line}");
            }
        }
        return SimulateVerb.Finish(recorded.Result, io);
    }
}
