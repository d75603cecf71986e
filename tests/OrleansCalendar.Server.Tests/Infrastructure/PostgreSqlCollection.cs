namespace OrleansCalendar.Server.Tests.Infrastructure;

/// <summary>
/// Tests marked <c>[Collection(PostgreSqlCollection.Name)]</c> share one <see cref="PostgreSqlFixture"/>;
/// each class should take its own database from <see cref="PostgreSqlServer.CreateDatabaseAsync"/>.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlFixture>
{
    public const string Name = "PostgreSql";
}
