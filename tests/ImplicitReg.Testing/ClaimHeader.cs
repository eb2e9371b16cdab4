namespace ImplicitReg.Testing;

/// <summary>The header of a valid claim file for tests (a deep-matrix model on the 2×2 problem), to which tests append checks.</summary>
public static class ClaimHeader
{
    /// <summary>The header with a model of depth <paramref name="depth"/>, ending in <c>checks:</c> and a new line.</summary>
    public static string Text(int depth) =>
        $$"""
        id: t
        title: a test claim
        source: {paper: "N. Razin, N. Cohen. NeurIPS 2020", where: "Section 3"}
        theory: M6
        model: {factorization: deep-matrix, depth: {{depth}}, loss: half-sse, problem: 2x2}
        checks:

        """;
}
