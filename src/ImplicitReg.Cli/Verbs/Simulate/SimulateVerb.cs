using System.CommandLine;
using ImplicitReg.Cli.Hosting;
using ImplicitReg.Experiments.Simulators.Runs;

namespace ImplicitReg.Cli.Verbs.Simulate;

/// <summary>
/// <c>implicitreg simulate dmf|cp|sym</c>: gradient descent on a deep matrix factorization, a CP tensor
/// factorization or X = UUᵀ, with the experiments' setups (E1–E4) as defaults. Prints the seed, steps per
/// second and the final metrics; <c>--out</c> records metrics along the run as CSV. Exit 0 when the run ends
/// normally, 4 when it diverges (with the step), 130 when interrupted.
/// </summary>
public sealed class SimulateVerb : ICliVerb
{
    /// <inheritdoc />
    public string Name => "simulate";

    /// <inheritdoc />
    public string Summary => "gradient descent on deep matrix, CP tensor or UU^T factorizations (E1-E4)";

    /// <summary>The exit codes of every model.</summary>
    internal const string Exits = "0 finished (converged or step limit), 2 bad options, 4 diverged, 130 interrupted";

    /// <inheritdoc />
    public Command Build(CliIO io)
    {
        var simulate = new VerbCommand(Name, Summary,
            "implicitreg simulate dmf --depth 3 --shape 100x100 --rank 5 --observed 2000 --init-scale 1e-3 --lr 1e-2 --steps 20000 --seed 0", Exits)
        {
            SimulateDmf.Command(io), SimulateCp.Command(io), SimulateSym.Command(io),
        };
        return simulate.RequiresSubcommand();
    }

    /// <summary>Maps a run's end to the exit code, printing why on stderr; interrupts surface as exit 130.</summary>
    internal static int Finish(RunResult result, CliIO io)
    {
        switch (result.Status)
        {
            case RunStatus.Diverged:
                // At step 0 no update has run: the starting point itself overflows, and a smaller --lr cannot help.
                io.Err.WriteLine(result.DivergedAt == 0
                    ? "diverged: the loss or a parameter became NaN or overflowed at step 0, before any update: the initialization is too large; lower --init-std or --init-scale"
                    : $"diverged: the loss or a parameter became NaN or overflowed at step {result.DivergedAt}; lower --lr");
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
