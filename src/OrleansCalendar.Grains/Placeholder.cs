namespace OrleansCalendar.Grains;
