/* second translation unit of c6_crosstu_wrap */
struct tnode { int id; int nkids; struct tnode **kids; };
void walk(struct tnode *n);
void visit_children(struct tnode *n) {
  for (int i = 0; i < n->nkids; i++) walk(n->kids[i]);
}
