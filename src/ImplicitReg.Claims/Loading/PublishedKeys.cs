using ImplicitReg.Models.Derivations;
using YamlDotNet.RepresentationModel;

namespace ImplicitReg.Claims.Loading;

/// <summary>Checks a published formula's key against the derivation's own keys at load time.</summary>
internal static class PublishedKeys
{
    public static void Check(YamlReader r, DerivationInfo info, string key, YamlNode keyNode)
    {
        if (info.Published.Any(p => p.Key == key)) return;
        r.Error(keyNode, info.Published.Count == 0
            ? $"derivation {info.Name} compares with no published formula, so 'published.{key}' cannot be given"
            : $"derivation {info.Name} has no published formula '{key}'; its keys: {string.Join(", ", info.Published.Select(p => p.Key))}");
    }
}
