using ImplicitReg.Cli.Hosting;
using ImplicitReg.Experiments.Simulators.Runs;

namespace ImplicitReg.Cli.Verbs.Simulate;

/// <summary>
/// <c>implicitreg simulate dmf|cp|sym</c>: gradient descent on a deep matrix factorization, a CP tensor
/// factorization or X = UUᵀ, with the experiments' setups (E1–E4) as defaults. Prints the seed, steps per
/// second and the final metrics; <c>--out</c> records metrics along the run as CSV. Exit 0 when the run ends
/// normally, 4 when it diverges (with the step), 130 when interrupted.
/// </summary>
public sealed class SimulateVerb : ILegacyCliVerb
{
    public string Name => "simulate";

    public string Summary => "gradient descent on deep matrix, CP tensor or UU^T factorizations (E1-E4)";

    public string Usage =>
        "usage: implicitreg simulate dmf|cp|sym [options]\n\n" +
        "dmf: deep matrix factorization W = W_N...W_1 (E1 random completion by default; --problem 2x2 for M6/E2)\n" +
        DmfOptions.Help + "\n" +
        "  --entries \"i,j;k,l\"   entries of W to track (1-based; default 1,1)\n\n" +
        "cp: CP tensor factorization (E3)\n" + SimulateCp.Help + "\n" +
        "sym: symmetric factorization X = U U^T (E4)\n" + SimulateSym.Help + "\n" +
        "run options (all models):\n" + RunSettings.Help + "\n" +
        "exit: 0 finished (converged or step limit), 2 bad options, 4 diverged, 130 interrupted\n" +
        "example: implicitreg simulate dmf --depth 3 --shape 100x100 --rank 5 --observed 2000 --init-scale 1e-3 --lr 1e-2 --steps 20000 --seed 0";

    public int Run(IReadOnlyList<string> args, CliIO io)
    {
        var a = CliArgs.Parse(args, ["positive-det"]);
        if (a.Positionals.Count != 1 || a.Positionals[0] is not ("dmf" or "cp" or "sym"))
            throw new CliUsageException(a.Positionals.Count == 0
                ? "name the model: simulate dmf, simulate cp or simulate sym"
                : $"unknown model '{string.Join(" ", a.Positionals)}'; use dmf, cp or sym");
        return a.Positionals[0] switch
        {
            "dmf" => SimulateDmf.Run(a, io),
            "cp" => SimulateCp.Run(a, io),
            _ => SimulateSym.Run(a, io),
        };
    }

    /// <summary>Maps a run's end to the exit code, printing why on stderr; interrupts surface as exit 130.</summary>
    internal static int Finish(RunResult result, CliIO io)
    {
        switch (result.Status)
        {
            case RunStatus.Diverged:
                io.Err.WriteLine($"diverged: the loss or a parameter became NaN or overflowed at step {result.DivergedAt}; lower --lr");
                return ExitCodes.Diverged;
            case RunStatus.Cancelled:
                throw new OperationCanceledException();
            default:
                return ExitCodes.Ok;
        }
    }

    internal static string DescribeStatus(RunResult r, double stopLoss) => r.Status switch
    {
        RunStatus.Converged => $"converged at step {r.Steps} (loss {Numbers.Short(r.FinalLoss)} <= {Numbers.Short(stopLoss)})",
        RunStatus.StepLimit => $"step limit {r.Steps} reached (loss {Numbers.Short(r.FinalLoss)})",
        RunStatus.Diverged => $"diverged at step {r.DivergedAt}",
        _ => $"interrupted at step {r.Steps}",
    };

    internal static string StatusName(RunStatus s) => s switch
    {
        RunStatus.Converged => "converged",
        RunStatus.StepLimit => "step-limit",
        RunStatus.Diverged => "diverged",
        _ => "interrupted",
    };
}
