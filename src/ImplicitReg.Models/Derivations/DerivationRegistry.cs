namespace ImplicitReg.Models.Derivations;

/// <summary>Every derivation <c>implicitreg derive</c> knows, in the order of the claims of docs/theory.md.</summary>
public static class DerivationRegistry
{
    /// <summary>Every registered derivation, M1 first; <c>derive --list</c> prints them in this order.</summary>
    public static IReadOnlyList<DerivationInfo> All { get; } =
    [
        LayerFlowDerivation.Info,
        BalancednessDerivation.Info,
        ScalarChainDerivation.Info,
        DiagonalDynamicsDerivation.Info,
        ClosedFormsDerivation.Info,
        DeterminantDerivation.Info,
        TensorNormsDerivation.Info,
        SymmetricFlowDerivation.Info,
        CommutingClosedFormDerivation.Info,
        NonNegativeFlowDerivation.Info,
    ];

    /// <summary>The derivation with this name, or null.</summary>
    public static DerivationInfo? Find(string name) => All.FirstOrDefault(d => d.Name == name);
}
