namespace ImplicitReg.Experiments.Runs;

/// <summary>
/// How a refusal of <see cref="RunLimits"/> spells the options it names and how it is raised: the command line spells
/// <c>--steps</c> and says "--steps: …", a claim file spells its key <c>steps</c> and its loader says "run.steps is too
/// large: …" at the key. What each limit says is too large, and what to change, is written once, in <see cref="Hooks"/>,
/// so the verbs and the claim files cannot drift apart.
/// </summary>
/// <param name="Spell">An option's name as this input writes it (<c>steps</c> → <c>--steps</c> or <c>steps</c>).</param>
/// <param name="Refuse">The exception for a refusal, from the spelled names (<c>--shape/--hidden</c>) and the text.</param>
public sealed record LimitWording(Func<string, string> Spell, Func<string, string, Exception> Refuse)
{
    /// <summary>
    /// A claim file's keys, without dashes; the refusal is a <see cref="RunSpecException"/> naming them, which the
    /// loader reports at the first key the file writes (<c>run.steps is too large: …</c>).
    /// </summary>
    public static LimitWording ClaimFile { get; } = new(key => key, (keys, text) => new RunSpecException(keys, $"is too large: {text}"));

    /// <summary>The command line's options, <c>--steps</c>; <paramref name="usage"/> makes its usage error (exit 2) from the text.</summary>
    public static LimitWording CommandLine(Func<string, Exception> usage) => new(key => "--" + key, (keys, text) => usage($"{keys}: {text}"));

    /// <summary>
    /// The refusal of a layer flow too large to derive symbolically (<paramref name="problem"/> says how large), naming
    /// every option that sizes the layers.
    /// </summary>
    public Exception FlowTooLarge(string problem) =>
        Refuse(string.Join("/", new[] { "dims", "depth", "shape", "hidden" }.Select(Spell)), $"{problem}; choose smaller layers");

    /// <summary>
    /// The hooks that refuse a run over the limits. <paramref name="memoryProblem"/> says what is wrong with an
    /// estimate of bytes for a purpose (null when it fits the budget); <paramref name="workProblem"/> the same for
    /// predicted multiply-adds. This wording only adds the names and the fix.
    /// </summary>
    public RunLimits Hooks(Func<double, string, string?> memoryProblem, Func<double, string?> workProblem)
    {
        void Require(double work, string[] keys, string fix)
        {
            if (workProblem(work) is { } problem) throw Refuse(string.Join("/", keys.Select(Spell)), $"{problem}; {fix}");
        }
        return new RunLimits
        {
            // Estimators name the options as the verbs spell them (--shape/--hidden); a claim file spells them without dashes.
            Memory = (option, bytes, what) =>
            {
                if (memoryProblem(bytes, what) is { } problem)
                    throw Refuse(string.Join("/", option.Split('/').Select(o => o.StartsWith("--", StringComparison.Ordinal) ? Spell(o[2..]) : o)), $"{problem}; choose smaller sizes");
            },
            Work = work => Require(work, ["steps"],
                $"choose fewer {Spell("steps")}, a larger {Spell("record-every")} (each record of a matrix run takes an SVD) or smaller sizes"),
            ComparisonWork = work => Require(work, ["time", "lr", "halvings"],
                $"choose a shorter {Spell("time")}, a larger {Spell("lr")} or fewer {Spell("halvings")}"),
            IntegrationWork = work => Require(work, ["time", "rtol"],
                $"choose a shorter {Spell("time")}, a larger {Spell("rtol")} or smaller sizes"),
        };
    }
}
