namespace ImplicitReg.Experiments.Reproduction;

/// <summary>How a run set bears on a paper's qualitative claim.</summary>
public enum Support
{
    /// <summary>The runs show what the paper claims.</summary>
    Supported,

    /// <summary>The runs contradict it.</summary>
    NotSupported,

    /// <summary>The runs cannot decide it (a selector removed what the comparison needs, or runs did not converge).</summary>
    Undecided,
}

/// <summary>A paper's claim, what was measured, and whether the measurement supports it.</summary>
/// <param name="Claim">The claim in words, with its source.</param>
/// <param name="Support">The verdict of this run set.</param>
/// <param name="Evidence">The numbers behind the verdict and the rule that turned them into it.</param>
public sealed record ClaimCheck(string Claim, Support Support, string Evidence)
{
    /// <summary><see cref="Support"/> as printed: <c>supported</c>, <c>not supported</c> or <c>undecided</c>.</summary>
    public string SupportName => Support switch
    {
        Support.Supported => "supported",
        Support.NotSupported => "not supported",
        _ => "undecided",
    };
}
