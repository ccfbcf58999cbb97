using Switchyard.Translation.Routes;

namespace Switchyard.Translation;

/// <summary>The routes for one host (every name it answers to points at the same instance).</summary>
public sealed record VirtualHost(string Name, IReadOnlyList<RouteEntry> Routes);
