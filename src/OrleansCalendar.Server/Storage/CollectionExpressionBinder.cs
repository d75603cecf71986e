using Newtonsoft.Json.Serialization;

namespace OrleansCalendar.Server.Storage;

/// <summary>
/// Grain state is stored as JSON with type names wherever a value's type differs from the declared one. A collection
/// expression such as <c>[userId]</c> assigned to an <c>IReadOnlyList&lt;string&gt;</c> has a type the compiler makes up
/// (<c>&lt;&gt;z__ReadOnlySingleElementList</c>), which JSON can name but not build again, so such a state could be
/// written and then never read. This binder stores those types as <see cref="List{T}"/> and reads records already
/// stored under them as one.
/// </summary>
internal sealed class CollectionExpressionBinder(ISerializationBinder inner) : ISerializationBinder
{
    private const string SynthesizedPrefix = "<>z__";

    public Type BindToType(string? assemblyName, string typeName) => Buildable(inner.BindToType(assemblyName, typeName));

    public void BindToName(Type serializedType, out string? assemblyName, out string? typeName) =>
        inner.BindToName(Buildable(serializedType), out assemblyName, out typeName);

    private static Type Buildable(Type type) =>
        type.Name.StartsWith(SynthesizedPrefix, StringComparison.Ordinal) && type.IsGenericType && type.GetGenericArguments() is [var element]
            ? typeof(List<>).MakeGenericType(element)
            : type;
}
