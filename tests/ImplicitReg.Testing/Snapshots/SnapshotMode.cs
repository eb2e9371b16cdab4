namespace ImplicitReg.Testing.Snapshots;

/// <summary>
/// How a snapshot run treats differences, read from the environment once per check: in CI nothing is ever
/// accepted and a missing verified file fails; locally <c>IMPLICITREG_ACCEPT_SNAPSHOTS=1</c> writes the new text
/// straight onto the verified file (the explicit accept step; <c>scripts/accept-snapshots.sh</c> is the other).
/// </summary>
public sealed record SnapshotMode(bool IsCi, bool Accept)
{
    /// <summary>The environment variable that accepts every new or changed snapshot of the run.</summary>
    public const string AcceptVariable = "IMPLICITREG_ACCEPT_SNAPSHOTS";

    public static SnapshotMode FromEnvironment() => new(
        IsCi: IsTrue(Environment.GetEnvironmentVariable("CI")),
        Accept: IsTrue(Environment.GetEnvironmentVariable(AcceptVariable)));

    private static bool IsTrue(string? value) =>
        value is not null && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase));
}
