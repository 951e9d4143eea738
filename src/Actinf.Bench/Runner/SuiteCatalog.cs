using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace Actinf.Bench.Runner;

/// <summary>
/// The benchmark suites: every public, concrete class with <c>[Benchmark]</c> methods and a class-level
/// <c>[BenchmarkCategory]</c>, grouped by that category.
/// </summary>
/// <remarks>
/// <para>The suite of a class is the <em>first</em> category of its class-level <c>[BenchmarkCategory]</c>
/// (inherited ones included); further categories are tags that do not change the suite. A new suite joins
/// <c>actinf bench run</c> by marking its classes with a new category: nothing here lists suites by name.</para>
/// <para>Abstract classes (shared bases of several benchmark classes) are skipped, as BenchmarkDotNet skips
/// them; classes without a category are not part of any suite.</para>
/// </remarks>
public sealed class SuiteCatalog
{
    private static readonly Lazy<SuiteCatalog> LazyDefault = new(() => FromAssemblies(typeof(SuiteCatalog).Assembly));

    private readonly SortedDictionary<string, Type[]> _suites;

    private SuiteCatalog(SortedDictionary<string, Type[]> suites)
    {
        _suites = suites;
        Suites = [.. suites.Keys];
    }

    /// <summary>The suites of Actinf.Bench.</summary>
    public static SuiteCatalog Default => LazyDefault.Value;

    /// <summary>Suite names in ordinal order.</summary>
    public IReadOnlyList<string> Suites { get; }

    /// <summary>Builds a catalog of the benchmark classes of some assemblies.</summary>
    /// <param name="assemblies">Assemblies to scan.</param>
    /// <exception cref="ArgumentNullException"><paramref name="assemblies"/> is null.</exception>
    public static SuiteCatalog FromAssemblies(params Assembly[] assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        return FromTypes(assemblies.SelectMany(a => a.GetExportedTypes()));
    }

    /// <summary>Builds a catalog of the benchmark classes among <paramref name="types"/> (others are ignored).</summary>
    /// <param name="types">Candidate types.</param>
    /// <exception cref="ArgumentNullException"><paramref name="types"/> is null.</exception>
    public static SuiteCatalog FromTypes(IEnumerable<Type> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        var suites = new SortedDictionary<string, List<Type>>(StringComparer.Ordinal);
        foreach (Type type in types.Distinct())
        {
            if (SuiteOf(type) is string suite && IsBenchmarkClass(type))
            {
                if (!suites.TryGetValue(suite, out List<Type>? list))
                {
                    suites[suite] = list = [];
                }

                list.Add(type);
            }
        }

        var sorted = new SortedDictionary<string, Type[]>(StringComparer.Ordinal);
        foreach ((string suite, List<Type> list) in suites)
        {
            sorted[suite] = [.. list.OrderBy(t => t.FullName, StringComparer.Ordinal)];
        }

        return new SuiteCatalog(sorted);
    }

    /// <summary>The suite of a class: the first category of its class-level <c>[BenchmarkCategory]</c>, or null.</summary>
    /// <param name="type">The class.</param>
    /// <exception cref="ArgumentNullException"><paramref name="type"/> is null.</exception>
    public static string? SuiteOf(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.GetCustomAttributes<BenchmarkCategoryAttribute>(inherit: true)
            .SelectMany(a => a.Categories ?? [])
            .FirstOrDefault(c => !string.IsNullOrWhiteSpace(c));
    }

    /// <summary>The classes of a suite, ordered by full name.</summary>
    /// <param name="suite">A suite name (exact, as listed in <see cref="Suites"/>).</param>
    /// <exception cref="ArgumentException">No such suite; the message lists the known ones.</exception>
    public IReadOnlyList<Type> TypesOf(string suite) =>
        _suites.TryGetValue(suite, out Type[]? types) ? types : throw Unknown(suite, nameof(suite));

    /// <summary>
    /// Checks requested suite names (case-insensitive) and returns them as listed in <see cref="Suites"/>,
    /// without duplicates, in catalog order; all suites when none are requested.
    /// </summary>
    /// <param name="requested">Names given by the user; null or empty for all.</param>
    /// <exception cref="ArgumentException">A name is not a known suite; the message lists the known ones.</exception>
    public IReadOnlyList<string> Resolve(IEnumerable<string>? requested)
    {
        string[] names = requested?.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).ToArray() ?? [];
        if (names.Length == 0)
        {
            return Suites;
        }

        var chosen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in names)
        {
            string match = Suites.FirstOrDefault(s => string.Equals(s, name, StringComparison.OrdinalIgnoreCase))
                ?? throw Unknown(name, nameof(requested));
            chosen.Add(match);
        }

        return [.. Suites.Where(chosen.Contains)];
    }

    private ArgumentException Unknown(string name, string paramName) =>
        new($"Unknown suite '{name}'. Known suites: {(Suites.Count == 0 ? "(none)" : string.Join(", ", Suites))}.", paramName);

    private static bool IsBenchmarkClass(Type type) =>
        type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false, IsVisible: true }
        && type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Any(m => m.IsDefined(typeof(BenchmarkAttribute), inherit: true));
}
