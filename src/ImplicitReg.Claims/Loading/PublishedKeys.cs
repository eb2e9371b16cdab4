using ImplicitReg.Models.Derivations;
using YamlDotNet.RepresentationModel;

namespace ImplicitReg.Claims.Loading;

/// <summary>Checks a published formula's key against the derivation's own keys at load time.</summary>
internal static class PublishedKeys
{
    public static void Check(YamlReader r, DerivationInfo info, string key, YamlNode keyNode)
    {
        // Filled in when the derivations publish their keys (DerivationInfo.Published).
        _ = (r, info, key, keyNode);
    }
}
