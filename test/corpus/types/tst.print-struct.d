/* print() of a D struct: nested members, arrays, characters, bit-fields and enums. */
#pragma D option quiet

enum dir { NORTH, EAST, SOUTH };
typedef struct cell {
	char mark;
	unsigned int flag : 2;
	enum dir way;
	short hits[2];
	struct {
		long id;
	} inner;
} cell_t;

BEGIN
{
	this->c = (cell_t *)alloca(sizeof (cell_t));
	this->c->mark = 'x';
	this->c->flag = 3;
	this->c->way = SOUTH;
	this->c->hits[1] = 10;
	this->c->inner.id = 255;
	print(*this->c);
	print(this->c->hits);
	print(EAST);
	exit(0);
}
