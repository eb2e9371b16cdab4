namespace ImplicitReg.Models.Derivations;

/// <summary>Options that do not describe a valid case of a derivation (the message names the option and the fix).</summary>
public sealed class DerivationOptionException(string message) : ArgumentException(message);
