namespace ImplicitReg.Models.Derivations.Rendering;

/// <summary>Placeholder until the kernel's LaTeX printer lands.</summary>
public static class DerivationLatex
{
    public static string Render(Derivation d) => throw new NotSupportedException("LaTeX output is not available yet");
}
