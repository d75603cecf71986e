using System.Text.Json.Serialization;

namespace OrleansCalendar.Abstractions.Calendars;

/// <summary>The busy item behind a reason: an appointment or an Outlook event.</summary>
[GenerateSerializer, Immutable]
[JsonDerivedType(typeof(AppointmentSource))]
[JsonDerivedType(typeof(OutlookSource))]
public abstract record ReasonSource;
