namespace Actinf.Causal.Graphs;

/// <summary>The edges of a graph that must be acyclic contain a cycle; the message spells one out (A -> B -> A).</summary>
public sealed class CycleException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CycleException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    public CycleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public CycleException()
    {
    }
}
