BEGIN { tracemem(); }
