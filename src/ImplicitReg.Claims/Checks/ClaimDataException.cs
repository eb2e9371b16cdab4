namespace ImplicitReg.Claims.Checks;

/// <summary>
/// A check could not run because of its claim file's data, found only when it runs (a derivation's options outside
/// its cases, a published formula naming what the derivation does not bind): bad input like a load error (exit 2),
/// not a verdict. The message starts with the place (<c>file:line:column</c>).
/// </summary>
internal sealed class ClaimDataException(string message) : Exception(message);
