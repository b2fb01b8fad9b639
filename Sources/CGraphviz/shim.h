#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/*
 * Deterministic object ids for cgraph.
 *
 * cgraph's default id discipline uses the *address* of a name's interned
 * string as the object's id, and keeps subgraphs ordered by id. The order in
 * which `dot` lays out clusters therefore follows malloc's addresses: stable
 * in a fresh `dot` process, but not in a long-lived one whose heap earlier
 * renders have fragmented. rolebook promises byte-identical output, so it
 * reads graphs with this discipline instead: a name's id is 2 * (the order in
 * which the name was first seen), which follows the DOT text alone.
 * Anonymous objects keep odd ids from a per-graph counter, as cgraph expects.
 */
typedef struct {
    Agraph_t *graph;
    char **names;            /* names[i] has id 2 * (i + 1) */
    unsigned long count;
    unsigned long capacity;
    char **slotKeys;         /* open addressing: interned pointer -> index */
    unsigned long *slotValues;
    unsigned long slotCount; /* a power of two */
    IDTYPE anonymous;
} rolebook_id_state;

static inline unsigned long rolebook_hash_pointer(const void *pointer) {
    uint64_t x = (uint64_t)(uintptr_t)pointer;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return (unsigned long)x;
}

static inline long rolebook_slot(rolebook_id_state *state, const char *key) {
    unsigned long mask = state->slotCount - 1;
    unsigned long slot = rolebook_hash_pointer(key) & mask;
    while (state->slotKeys[slot] != NULL && state->slotKeys[slot] != key) slot = (slot + 1) & mask;
    return (long)slot;
}

static inline int rolebook_reserve(rolebook_id_state *state) {
    if (state->count + 1 > state->capacity) {
        unsigned long capacity = state->capacity ? state->capacity * 2 : 64;
        char **names = realloc(state->names, capacity * sizeof(char *));
        if (!names) return 0;
        state->names = names;
        state->capacity = capacity;
    }
    if ((state->count + 1) * 2 > state->slotCount) {
        unsigned long slotCount = state->slotCount ? state->slotCount * 2 : 128;
        char **keys = calloc(slotCount, sizeof(char *));
        unsigned long *values = calloc(slotCount, sizeof(unsigned long));
        if (!keys || !values) { free(keys); free(values); return 0; }
        free(state->slotKeys);
        free(state->slotValues);
        state->slotKeys = keys;
        state->slotValues = values;
        state->slotCount = slotCount;
        for (unsigned long i = 0; i < state->count; i++) {
            long slot = rolebook_slot(state, state->names[i]);
            state->slotKeys[slot] = state->names[i];
            state->slotValues[slot] = i;
        }
    }
    return 1;
}

static inline void *rolebook_id_open(Agraph_t *graph, Agdisc_t *disc) {
    (void)disc;
    rolebook_id_state *state = calloc(1, sizeof(rolebook_id_state));
    if (!state) return NULL;
    state->graph = graph;
    state->anonymous = 1;
    return state;
}

static inline long rolebook_id_map(void *opaque, int objtype, char *name, IDTYPE *id, int createflag) {
    rolebook_id_state *state = opaque;
    (void)objtype;
    if (name == NULL) {
        *id = state->anonymous;
        state->anonymous += 2;
        return 1;
    }
    char *interned = agstrbind(state->graph, name);
    if (interned && state->slotCount) {
        long slot = rolebook_slot(state, interned);
        if (state->slotKeys[slot] == interned) {
            *id = (IDTYPE)(2 * (state->slotValues[slot] + 1));
            return 1;
        }
    }
    if (!createflag) return 0;
    if (!rolebook_reserve(state)) return 0;
    /* One reference held for the graph's lifetime; agclose frees the pool. */
    interned = agstrdup(state->graph, name);
    if (!interned) return 0;
    long slot = rolebook_slot(state, interned);
    state->slotKeys[slot] = interned;
    state->slotValues[slot] = state->count;
    state->names[state->count] = interned;
    state->count += 1;
    *id = (IDTYPE)(2 * state->count);
    return 1;
}

static inline long rolebook_id_alloc(void *opaque, int objtype, IDTYPE id) {
    (void)opaque;
    (void)objtype;
    return (id % 2) != 0;
}

static inline void rolebook_id_free(void *opaque, int objtype, IDTYPE id) {
    (void)opaque;
    (void)objtype;
    (void)id;
}

static inline char *rolebook_id_print(void *opaque, int objtype, IDTYPE id) {
    rolebook_id_state *state = opaque;
    (void)objtype;
    if (id % 2 == 0 && id >= 2 && (unsigned long)(id / 2) <= state->count) return state->names[id / 2 - 1];
    return NULL;
}

static inline void rolebook_id_close(void *opaque) {
    rolebook_id_state *state = opaque;
    if (!state) return;
    free(state->names);
    free(state->slotKeys);
    free(state->slotValues);
    free(state);
}

/* cgraph 2.42 calls this unconditionally, so it cannot be NULL. */
static inline void rolebook_id_register(void *opaque, int objtype, void *object) {
    (void)opaque;
    (void)objtype;
    (void)object;
}

typedef struct {
    const char *data;
    size_t length;
    size_t position;
} rolebook_reader;

/* Hands cgraph's scanner one line at a time, as agmemread's reader does. */
static inline int rolebook_read(void *channel, char *buffer, int size) {
    rolebook_reader *reader = channel;
    int count = 0;
    while (count < size && reader->position < reader->length) {
        char c = reader->data[reader->position++];
        buffer[count++] = c;
        if (c == '\n') break;
    }
    return count;
}

/* The disciplines outlive every graph read with them: cgraph keeps pointers. */
static Agiddisc_t rolebook_id_discipline = {
    rolebook_id_open, rolebook_id_map, rolebook_id_alloc, rolebook_id_free, rolebook_id_print, rolebook_id_close, rolebook_id_register,
};

static inline Agraph_t *rolebook_read_graph(const char *data, size_t length) {
    static Agiodisc_t io;
    io.afread = rolebook_read;
    io.putstr = AgIoDisc.putstr;
    io.flush = AgIoDisc.flush;
    Agdisc_t discipline = {&AgMemDisc, &rolebook_id_discipline, &io};
    rolebook_reader reader = {data, length, 0};
    return agread(&reader, &discipline);
}
