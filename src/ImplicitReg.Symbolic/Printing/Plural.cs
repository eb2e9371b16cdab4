using System.Globalization;

namespace ImplicitReg.Symbolic.Printing;

/// <summary>
/// "1 claim", "2 claims", "0 checks": a count with its noun, the way every message, report and summary of the toolkit
/// writes it. Lives in the kernel, like <see cref="JsonText"/>, because it is the one layer that every writer of such
/// text reaches (experiments, claims, reports and the CLI share no other). Only regular plurals (noun + "s"): every
/// noun counted in the toolkit's output takes one.
/// </summary>
public static class Plural
{
    /// <summary>The noun for <paramref name="count"/> items: <c>Noun(1, "run") == "run"</c>, else <c>"runs"</c> (0 included).</summary>
    public static string Noun(int count, string noun) => Noun((long)count, noun);

    /// <summary>The noun for a long count (a step period, a step count): <c>Noun(1L, "step") == "step"</c>.</summary>
    public static string Noun(long count, string noun) => count == 1 ? noun : noun + "s";

    /// <summary>The count (invariant digits) and its noun: <c>Count(3, "check") == "3 checks"</c>, <c>Count(1, "check") == "1 check"</c>.</summary>
    public static string Count(int count, string noun) => count.ToString(CultureInfo.InvariantCulture) + " " + Noun(count, noun);
}
