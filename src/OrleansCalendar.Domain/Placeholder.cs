namespace OrleansCalendar.Domain;
