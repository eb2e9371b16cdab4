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

    /// <summary>The text report's opening lines: seed, problem, model, optimizer, how the run ended and its speed.</summary>
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
    }
}
