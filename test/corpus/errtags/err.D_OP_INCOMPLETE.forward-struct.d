/* Nothing ever defines struct opaque, so its members cannot be reached. */
struct opaque *handle;

BEGIN
{
	v = handle->field;
	exit(0);
}
