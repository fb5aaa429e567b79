/*
 * illumos.d: a D type library of illumos kernel and driver types that published scripts cast
 * to (`(taskq_t *)arg0`, `(ipha_t *)mp->b_rptr`, `int seen[nge_t *]`). On illumos these come
 * from the kernel's CTF, which dtrace consults as a script names them; here they are written as
 * D declarations and loaded on demand (TypeLibrary.onDemand): only for a program that names one
 * of the types, so that other programs neither pay for them nor see their names.
 *
 * Declarations only. The simulated engine never passes objects of these types (its own
 * structures are zsd.d's), so they serve casts, declarations and member checks: a read through
 * such a pointer reads simulated memory like any other pointer and faults where nothing lives.
 *
 * Each type lists the members illumos gives it that scripts use, with illumos's member types,
 * in illumos's order, not every member: sizeof and offsetof are therefore not illumos's. Where
 * illumos reaches a member through a macro over a union (`conn_lport`, `conn_tcp`), which CTF
 * would not see either, the member is declared directly under the name scripts use. The mpt
 * and nge drivers' structures follow the Solaris drivers the scripts were written for.
 * cyc_func_t, the cyclic subsystem's handler type, is here for inlines and casts of it.
 */

export const ILLUMOS_TYPES = `
typedef uint32_t ipaddr_t;
typedef uint32_t in_addr_t;
typedef uint16_t in_port_t;
typedef uint16_t sa_family_t;
typedef int32_t caddr32_t;
typedef uint32_t size32_t;
typedef unsigned long long u_offset_t;

struct in_addr {
	union {
		struct { uint8_t s_b1, s_b2, s_b3, s_b4; } S_un_b;
		struct { uint16_t s_w1, s_w2; } S_un_w;
		in_addr_t S_addr;
	} S_un;
};

typedef struct in6_addr {
	union {
		uint8_t _S6_u8[16];
		uint32_t _S6_u32[4];
		uint32_t __S6_align;
	} _S6_un;
} in6_addr_t;

struct sockaddr {
	sa_family_t sa_family;
	char sa_data[14];
};

struct sockaddr_in {
	sa_family_t sin_family;
	in_port_t sin_port;
	struct in_addr sin_addr;
	char sin_zero[8];
};

struct sockaddr_in6 {
	sa_family_t sin6_family;
	in_port_t sin6_port;
	uint32_t sin6_flowinfo;
	struct in6_addr sin6_addr;
	uint32_t __sin6_src_id;
};

struct sockaddr_storage {
	sa_family_t ss_family;
	char _ss_pad1[6];
	int64_t _ss_align;
	char _ss_pad2[240];
};

struct ether_addr {
	uchar_t ether_addr_octet[6];
};

struct ether_header {
	struct ether_addr ether_dhost;
	struct ether_addr ether_shost;
	ushort_t ether_type;
};

typedef struct ipha_s {
	uint8_t ipha_version_and_hdr_length;
	uint8_t ipha_type_of_service;
	uint16_t ipha_length;
	uint16_t ipha_ident;
	uint16_t ipha_fragment_offset_and_flags;
	uint8_t ipha_ttl;
	uint8_t ipha_protocol;
	uint16_t ipha_hdr_checksum;
	ipaddr_t ipha_src;
	ipaddr_t ipha_dst;
} ipha_t;

struct ip6_hdr {
	union {
		struct ip6_hdrctl {
			uint32_t ip6_un1_flow;
			uint16_t ip6_un1_plen;
			uint8_t ip6_un1_nxt;
			uint8_t ip6_un1_hlim;
		} ip6_un1;
		uint8_t ip6_un2_vfc;
	} ip6_ctlun;
	struct in6_addr ip6_src;
	struct in6_addr ip6_dst;
};

typedef struct icmph_s {
	uint8_t icmph_type;
	uint8_t icmph_code;
	uint16_t icmph_checksum;
	union {
		struct { uint16_t u_echo_ident; uint16_t u_echo_seqnum; } u_echo;
		uint32_t u_pad;
	} icmph_u;
} icmph_t;

typedef struct msgb {
	struct msgb *b_next;
	struct msgb *b_prev;
	struct msgb *b_cont;
	unsigned char *b_rptr;
	unsigned char *b_wptr;
	void *b_datap;
	unsigned char b_band;
	unsigned short b_flag;
} mblk_t;

typedef struct tcp_s {
	int32_t tcp_state;
	uint32_t tcp_snxt;
	uint32_t tcp_rnxt;
	struct conn_s *tcp_connp;
} tcp_t;

typedef struct conn_s {
	uint32_t conn_ref;
	uint32_t conn_flags;
	tcp_t *conn_tcp;
	uint8_t conn_ulp;
	in_port_t conn_fport;
	in_port_t conn_lport;
	zoneid_t conn_zoneid;
} conn_t;

typedef struct mac_info_s {
	uint_t mi_media;
	uint_t mi_nativemedia;
	uint_t mi_addr_length;
	uint8_t *mi_unicst_addr;
	uint8_t *mi_brdcst_addr;
} mac_info_t;

typedef struct mac_impl_s {
	struct mac_impl_s *mi_next;
	char mi_name[32];
	uint32_t mi_type_ref;
	mac_info_t mi_info;
} mac_impl_t;

typedef struct mac_client_impl_s {
	struct mac_client_impl_s *mci_client_next;
	char mci_name[256];
	mac_impl_t *mci_mip;
} mac_client_impl_t;

typedef struct nge {
	char ifname[8];
	uint32_t param_link_up;
	uint32_t param_link_speed;
	uint32_t param_link_duplex;
} nge_t;

typedef struct mpt {
	int m_instance;
	uint32_t m_discovery;
} mpt_t;

typedef struct mpt_cmd {
	uchar_t *cmd_cdb;
	hrtime_t cmd_io_start_time;
	hrtime_t cmd_io_done_time;
} mpt_cmd_t;

typedef void (*cyc_func_t)(void *);

typedef struct taskq_ent {
	struct taskq_ent *tqent_next;
	struct taskq_ent *tqent_prev;
	void (*tqent_func)(void *);
	void *tqent_arg;
} taskq_ent_t;

typedef struct taskq {
	char tq_name[32];
	uint_t tq_flags;
	int tq_active;
	int tq_nthreads;
	int tq_nalloc;
	int tq_minalloc;
	int tq_maxalloc;
} taskq_t;

struct dev_info {
	struct dev_info *devi_parent;
	struct dev_info *devi_child;
	struct dev_info *devi_sibling;
	char *devi_binding_name;
	char *devi_addr;
	int devi_nodeid;
	int devi_instance;
	char *devi_node_name;
};
typedef struct dev_info dev_info_t;

struct sata_cmd_flags {
	uint32_t sata_data_direction : 3;
	uint32_t sata_queue_stag : 1;
	uint32_t sata_queue_otag : 1;
	uint32_t sata_clear_dev_reset : 1;
	uint32_t sata_special_regs : 1;
	uint32_t sata_copy_out_sec_count_msb : 1;
};

typedef struct sata_cmd {
	int satacmd_rev;
	void *satacmd_bp;
	struct sata_cmd_flags satacmd_flags;
	uint8_t satacmd_addr_type;
	uint8_t satacmd_features_reg_ext;
	uint8_t satacmd_sec_count_msb;
	uint8_t satacmd_lba_low_msb;
	uint8_t satacmd_lba_mid_msb;
	uint8_t satacmd_lba_high_msb;
	uint8_t satacmd_sec_count_lsb;
	uint8_t satacmd_lba_low_lsb;
	uint8_t satacmd_lba_mid_lsb;
	uint8_t satacmd_lba_high_lsb;
	uint8_t satacmd_device_reg;
	uint8_t satacmd_cmd_reg;
	uint8_t satacmd_features_reg;
	uint8_t satacmd_status_reg;
	uint8_t satacmd_error_reg;
} sata_cmd_t;

typedef struct sata_pkt {
	int satapkt_rev;
	void *satapkt_hba_driver_private;
	void *satapkt_framework_private;
	uint32_t satapkt_op_mode;
	sata_cmd_t satapkt_cmd;
	uint32_t satapkt_time;
	int satapkt_reason;
} sata_pkt_t;

enum vtype { VNON, VREG, VDIR, VBLK, VCHR, VLNK, VFIFO, VDOOR, VPROC, VSOCK, VPORT, VBAD };

typedef struct vnode {
	uint_t v_flag;
	uint_t v_count;
	void *v_data;
	void *v_vfsp;
	enum vtype v_type;
	dev_t v_rdev;
	char *v_path;
} vnode_t;

typedef struct buf {
	int b_flags;
	struct buf *b_forw;
	struct buf *b_back;
	struct buf *av_forw;
	struct buf *av_back;
	size_t b_bcount;
	union {
		caddr_t b_addr;
	} b_un;
	size_t b_resid;
	size_t b_bufsize;
	int (*b_iodone)(struct buf *);
	vnode_t *b_vp;
	int b_error;
	void *b_private;
	dev_t b_edev;
	struct dev_info *b_dip;
} buf_t;

typedef struct file {
	ushort_t f_flag;
	ushort_t f_flag2;
	vnode_t *f_vnode;
	offset_t f_offset;
	int f_count;
} file_t;

typedef struct uf_entry {
	file_t *uf_file;
	void *uf_fpollinfo;
	int uf_refcnt;
	int uf_alloc;
	short uf_flag;
	short uf_busy;
} uf_entry_t;

typedef struct inode {
	struct inode *i_chain[2];
	vnode_t *i_vnode;
	u_offset_t i_nextr;
	u_offset_t i_nextrio;
} inode_t;

typedef struct rfs4_file {
	void *rf_dbe;
	vnode_t *rf_vp;
} rfs4_file_t;

typedef struct rfs4_client {
	void *rc_dbe;
	uint64_t rc_clientid;
} rfs4_client_t;

typedef struct rfs4_openowner {
	void *ro_dbe;
	rfs4_client_t *ro_client;
} rfs4_openowner_t;

typedef struct rfs4_deleg_state {
	void *rds_dbe;
	int rds_dtype;
	rfs4_file_t *rds_finfo;
	rfs4_client_t *rds_client;
} rfs4_deleg_state_t;

typedef struct queue {
	void *q_qinfo;
	mblk_t *q_first;
	mblk_t *q_last;
	struct queue *q_next;
	struct queue *q_link;
	void *q_ptr;
	size_t q_count;
	uint_t q_flag;
} queue_t;

struct sonode {
	void *so_vnode;
	void *so_ops;
	void *so_priv;
	uint_t so_state;
	int so_family;
	short so_type;
	short so_protocol;
};

typedef struct kstat {
	hrtime_t ks_crtime;
	struct kstat *ks_next;
	int ks_kid;
	char ks_module[31];
	uchar_t ks_resv;
	int ks_instance;
	char ks_name[31];
	uchar_t ks_type;
	char ks_class[31];
	uchar_t ks_flags;
	void *ks_data;
	uint_t ks_ndata;
	size_t ks_data_size;
	hrtime_t ks_snaptime;
} kstat_t;

typedef struct kstat32 {
	hrtime_t ks_crtime;
	caddr32_t ks_next;
	int32_t ks_kid;
	char ks_module[31];
	uint8_t ks_resv;
	int32_t ks_instance;
	char ks_name[31];
	uint8_t ks_type;
	char ks_class[31];
	uint8_t ks_flags;
	caddr32_t ks_data;
	uint32_t ks_ndata;
	size32_t ks_data_size;
	hrtime_t ks_snaptime;
} kstat32_t;

typedef struct sigaltstack {
	void *ss_sp;
	size_t ss_size;
	int ss_flags;
} stack_t;

typedef struct {
	caddr32_t ss_sp;
	size32_t ss_size;
	int32_t ss_flags;
} stack32_t;
`;
