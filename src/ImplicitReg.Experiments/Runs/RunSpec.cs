using System.Globalization;

namespace ImplicitReg.Experiments.Runs;

/// <summary>
/// The options of <c>implicitreg simulate dmf|cp|sym</c> as data: what a claim file's <c>run:</c> mapping and
/// the command line both describe. A null option takes the model's default (see <see cref="DmfSetup"/>,
/// <see cref="RunSchedule"/> and <see cref="PreparedRun"/>); option names are the command line's without dashes.
/// </summary>
public sealed record RunSpec
{
    /// <summary>Every model a run can use.</summary>
    public static readonly IReadOnlyList<string> Models = ["dmf", "cp", "sym"];

    /// <summary>The option names each model accepts (the command line's, without dashes).</summary>
    public static IReadOnlyList<string> OptionNames(string model) => model switch
    {
        "dmf" => [.. Common, "problem", "depth", "shape", "hidden", "rank", "observed", "sensing", "init", "init-scale", "init-std", "positive-det", "entries"],
        "cp" => [.. Common, "sizes", "rank", "observed", "components", "init-std"],
        "sym" => [.. Common, "size", "rank", "observed", "columns", "init", "init-scale"],
        _ => throw new RunSpecException("model", $"must be one of {string.Join("|", Models)}, got '{model}'"),
    };

    private static readonly string[] Common = ["seed", "loss", "optimizer", "lr", "eps", "steps", "stop-loss", "record-every", "top"];

    /// <summary>dmf, cp or sym.</summary>
    public required string Model { get; init; }

    /// <summary>Seed of every random choice (default 0); a run takes it through <see cref="RunSeed.Of"/>.</summary>
    public int? Seed { get; init; }

    /// <summary>half-sse, mse or sse.</summary>
    public string? Loss { get; init; }

    /// <summary>gd, or group-rmsprop (older spelling: normalized).</summary>
    public string? Optimizer { get; init; }

    /// <summary>ε of group RMSprop (<c>eps</c>); default: the experiment's (1e-4 for dmf and sym, 1e-6 for cp).</summary>
    public double? Epsilon { get; init; }

    /// <summary>The learning rate (<c>lr</c>).</summary>
    public double? LearningRate { get; init; }

    /// <summary>Most iterations.</summary>
    public long? Steps { get; init; }

    /// <summary>Stop when the loss is at or below this.</summary>
    public double? StopLoss { get; init; }

    /// <summary>Record every this many iterations.</summary>
    public long? RecordEvery { get; init; }

    /// <summary>How many singular values, norms or eigenvalues are recorded.</summary>
    public int? Top { get; init; }

    /// <summary>dmf: random, 2x2 or generalized.</summary>
    public string? Problem { get; init; }

    /// <summary>dmf: number of layers.</summary>
    public int? Depth { get; init; }

    /// <summary>dmf: end-to-end size <c>RxC</c>.</summary>
    public string? Shape { get; init; }

    /// <summary>dmf: width of the hidden layers.</summary>
    public int? Hidden { get; init; }

    /// <summary>Rank of the random target.</summary>
    public int? Rank { get; init; }

    /// <summary>Observed entries of the random target.</summary>
    public int? Observed { get; init; }

    /// <summary>dmf: Gaussian measurements instead of observed entries.</summary>
    public int? Sensing { get; init; }

    /// <summary>dmf: gaussian, balanced, identity or orthogonal; sym: identity or gaussian.</summary>
    public string? Init { get; init; }

    /// <summary>dmf: end-to-end initialization scale; sym: alpha.</summary>
    public double? InitScale { get; init; }

    /// <summary>dmf: per-layer standard deviation; cp: factor entries' standard deviation.</summary>
    public double? InitStd { get; init; }

    /// <summary>dmf: layer sizes <c>d0,…,dN</c> (layer j is d_j × d_(j-1)), instead of shape, depth and hidden (the command line's <c>--dims</c>; not a claim-file option).</summary>
    public string? Dims { get; init; }

    /// <summary>dmf: resample until det W(0) &gt; 0 (null: the setup's default; false turns it off).</summary>
    public bool? PositiveDet { get; init; }

    /// <summary>dmf: entries of W to record, 1-based <c>"i,j;k,l"</c> (default <c>1,1</c>).</summary>
    public string? Entries { get; init; }

    /// <summary>cp: mode sizes <c>AxBxC…</c>.</summary>
    public string? Sizes { get; init; }

    /// <summary>cp: components of the factorization.</summary>
    public int? Components { get; init; }

    /// <summary>sym: X is size × size.</summary>
    public int? Size { get; init; }

    /// <summary>sym: columns of U.</summary>
    public int? Columns { get; init; }

    /// <summary>"RxC" → (R, C).</summary>
    public static (int Rows, int Cols) ParseShape(string text)
    {
        var parts = text.Split('x', 'X');
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var r) &&
            int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var c) && r > 0 && c > 0)
            return (r, c);
        throw new RunSpecException("shape", $"expects ROWSxCOLUMNS such as 100x100, got '{text}'");
    }

    /// <summary>"4,3,5" → [4, 3, 5]: two to 51 positive layer sizes.</summary>
    public static int[] ParseDims(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var dims = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out dims[i]) || dims[i] < 1)
                throw new RunSpecException("dims", $"expects positive integers separated by commas (e.g. 2,3,3,2); item {i + 1} is '{parts[i]}'");
        if (dims.Length < 2) throw new RunSpecException("dims", "needs at least two sizes, d0 and d1 (one layer)");
        if (dims.Length > 51) throw new RunSpecException("dims", $"gives {dims.Length - 1} layers; at most 50");
        return dims;
    }

    /// <summary>"AxBxC" → mode sizes.</summary>
    public static int[] ParseSizes(string text)
    {
        var parts = text.Split('x', 'X');
        var sizes = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out sizes[i]) || sizes[i] < 1)
                throw new RunSpecException("sizes", $"expects positive sizes separated by 'x' (e.g. 10x10x10x10), got '{text}'");
        if (sizes.Length < 2) throw new RunSpecException("sizes", "needs at least two modes");
        return sizes;
    }
}

/// <summary>
/// An option of a <see cref="RunSpec"/> that does not describe a valid run. <see cref="Option"/> names it (null
/// when the problem is the combination); <see cref="Reason"/> completes the sentence, so the command line says
/// <c>--depth must be …</c> and a claim file <c>depth: must be …</c> at the option's line.
/// </summary>
public sealed class RunSpecException(string? option, string reason) : ArgumentException(option is null ? reason : $"--{option} {reason}")
{
    /// <summary>The option's name without dashes, or null.</summary>
    public string? Option { get; } = option;

    /// <summary>The message without the option name.</summary>
    public string Reason { get; } = reason;
}
