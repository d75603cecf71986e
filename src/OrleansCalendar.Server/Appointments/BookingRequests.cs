using OrleansCalendar.Abstractions.Appointments;
using OrleansCalendar.Server.Http;

namespace OrleansCalendar.Server.Appointments;

/// <summary>Validation of booking bodies, shared by the tenant and the public booking routes.</summary>
public static class BookingRequests
{
    public static BookingRequest Validate(CreateAppointmentRequest request, bool requireEmail)
    {
        var v = new RequestValidator();
        if (request.Start is null)
        {
            v.Add("start", "is required (ISO 8601 with an offset).");
        }

        var title = v.OptionalText("title", request.Title, 200);
        var notes = v.OptionalText("notes", request.Notes, 4000);
        var contact = ValidateContact(v, request.Contact, requireEmail);
        v.ThrowIfInvalid();
        return new BookingRequest(request.Start!.Value, request.End, request.UserId, title, contact, notes);
    }

    public static AppointmentChanges Validate(UpdateAppointmentRequest request)
    {
        var v = new RequestValidator();
        if (request.Title is { Length: > 200 })
        {
            v.Add("title", "must be at most 200 characters.");
        }

        if (request.Notes is { Length: > 4000 })
        {
            v.Add("notes", "must be at most 4000 characters.");
        }

        if (request.Start is null && request.End is null && request.Title is null && request.Notes is null)
        {
            v.Add("$", "nothing to change: give start, end, title or notes.");
        }

        v.ThrowIfInvalid();
        return new AppointmentChanges(request.Start, request.End, request.Title?.Trim(), request.Notes?.Trim());
    }

    private static Contact ValidateContact(RequestValidator v, ContactRequest? contact, bool requireEmail)
    {
        if (contact is null)
        {
            v.Add("contact", "is required.");
            return new Contact("", null, null);
        }

        var name = v.RequiredText("contact.name", contact.Name, 200);
        var email = requireEmail || !string.IsNullOrWhiteSpace(contact.Email) ? v.RequiredEmail("contact.email", contact.Email) : null;
        var phone = v.OptionalText("contact.phone", contact.Phone, 40);
        return new Contact(name, email, phone);
    }
}
