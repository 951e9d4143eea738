namespace Actinf.Causal.Directions;

/// <summary>
/// The lower-case names of <see cref="InferenceDirection"/> used on command lines and in tool arguments
/// (forward, backward, bidirectional, bridge, abduction), in one place.
/// </summary>
public static class InferenceDirectionNames
{
    /// <summary>The accepted names, in declaration order, for messages.</summary>
    public const string Expected = "forward, backward, bidirectional, bridge or abduction";

    /// <summary>Parses a lower-case direction name; false for anything else (numbers and other casings included).</summary>
    public static bool TryParse(string? name, out InferenceDirection direction)
    {
        (bool known, direction) = name switch
        {
            "forward" => (true, InferenceDirection.Forward),
            "backward" => (true, InferenceDirection.Backward),
            "bidirectional" => (true, InferenceDirection.Bidirectional),
            "bridge" => (true, InferenceDirection.Bridge),
            "abduction" => (true, InferenceDirection.Abduction),
            _ => (false, default),
        };
        return known;
    }
}
