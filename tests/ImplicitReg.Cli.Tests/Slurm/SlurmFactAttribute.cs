namespace ImplicitReg.Cli.Tests.Slurm;

/// <summary>
/// A fact that needs a local Slurm cluster: it runs when the process is root and Slurm and munge are installed or
/// installable with apt (CI is root on Debian 12, so it always runs there); otherwise it is skipped with the reason.
/// </summary>
public sealed class SlurmFactAttribute : FactAttribute
{
    public SlurmFactAttribute()
    {
        if (!OperatingSystem.IsLinux()) Skip = "the Slurm test runs only on Linux";
        else if (Environment.UserName != "root" && !IsRoot()) Skip = "the Slurm test starts slurmd and munged, which needs root (CI runs as root)";
        else if (!Installed() && !OnPath("apt-get")) Skip = "slurm-wlm and munge are not installed and apt-get is unavailable to install them";
    }

    private static bool IsRoot()
    {
        // The effective uid from /proc (no P/Invoke needed): the "Uid:" line lists real, effective, saved, fs.
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
        return line is not null && line.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[2] == "0";
    }

    private static bool Installed() => OnPath("slurmctld") && OnPath("slurmd") && OnPath("sbatch") && OnPath("munged");

    private static bool OnPath(string name)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "") + ":/usr/sbin:/sbin";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries).Any(dir => File.Exists(Path.Combine(dir, name)));
    }
}
