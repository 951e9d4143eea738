namespace Actinf.Server.Stores;

/// <summary>A compare-and-swap save found another version than the one expected (another writer got there first).</summary>
public sealed class SessionStoreConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SessionStoreConflictException()
        : base("The session was changed by another writer.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What conflicted.</param>
    public SessionStoreConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What conflicted.</param>
    /// <param name="innerException">The cause.</param>
    public SessionStoreConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
