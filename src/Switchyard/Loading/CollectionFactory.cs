using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Switchyard.Loading;

/// <summary>
/// Creates the <c>List&lt;T&gt;</c> and <c>Dictionary&lt;string, T&gt;</c> that model properties
/// typed <c>IReadOnlyList&lt;T&gt;</c> / <c>IReadOnlyDictionary&lt;string, T&gt;</c> receive.
/// NativeAOT can build a generic instantiation at run time only over reference types (they share
/// one compiled canonical form); instantiations over value types need code generated ahead of
/// time, so the few the model uses are written out here. A test walks the model for others.
/// </summary>
internal static class CollectionFactory
{
    private static readonly Dictionary<Type, Func<IList>> ValueTypeLists = new()
    {
        [typeof(uint)] = static () => new List<uint>(),
    };

    private static readonly Dictionary<Type, Func<IDictionary>> ValueTypeDictionaries = new()
    {
        [typeof(uint)] = static () => new Dictionary<string, uint>(),
    };

    public static bool CanCreateList(Type elementType) => !elementType.IsValueType || ValueTypeLists.ContainsKey(elementType);

    public static bool CanCreateDictionary(Type valueType) => !valueType.IsValueType || ValueTypeDictionaries.ContainsKey(valueType);

    public static IList NewList(Type elementType)
    {
        if (!elementType.IsValueType) return NewReferenceList(elementType);
        return ValueTypeLists.TryGetValue(elementType, out var make) ? make()
            : throw new NotSupportedException($"no list factory for IReadOnlyList<{elementType.Name}>; add it to {nameof(CollectionFactory)}");
    }

    public static IDictionary NewDictionary(Type valueType)
    {
        if (!valueType.IsValueType) return NewReferenceDictionary(valueType);
        return ValueTypeDictionaries.TryGetValue(valueType, out var make) ? make()
            : throw new NotSupportedException($"no map factory for IReadOnlyDictionary<string, {valueType.Name}>; add it to {nameof(CollectionFactory)}");
    }

    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Only reference-type arguments reach here; NativeAOT shares their canonical List<__Canon> code.")]
    private static IList NewReferenceList(Type elementType) =>
        (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(elementType))!;

    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Only reference-type arguments reach here; NativeAOT shares their canonical Dictionary<__Canon, __Canon> code.")]
    private static IDictionary NewReferenceDictionary(Type valueType) =>
        (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), valueType))!;
}
