/* Generated from the layer definitions (src/packet/layers/) by scripts/gen-layer-types.mjs at build time. Do not edit. */
import "../packet/index.js";
import { registry } from "../packet/layer.js";
import { layerConstructor, type PacketSpec, type Range } from "./spec.js";

export type Ether_type_Names = "IPv4" | "ARP" | "L2_IS_IS" | "TEB" | "RARP" | "n_802_1Q" | "IPv6" | "PPP" | "MPLS" | "PPP_DISC" | "PPP_SES" | "EAPOL" | "802_AD" | "LLDP" | "802_1AE" | "6LoWPAN";
export type ARP_hwtype_Names = "Ethernet (10Mb)" | "Ethernet (3Mb)" | "AX.25" | "Proteon ProNET Token Ring" | "Chaos" | "IEEE 802 Networks" | "ARCNET" | "Hyperchannel" | "Lanstar" | "Autonet Short Address" | "LocalTalk" | "LocalNet" | "Ultra link" | "SMDS" | "Frame relay" | "ATM" | "HDLC" | "Fibre Channel" | "Serial Line";
export type ARP_op_Names = "who-has" | "is-at" | "RARP-req" | "RARP-rep" | "Dyn-RARP-req" | "Dyn-RAR-rep" | "Dyn-RARP-err" | "InARP-req" | "InARP-rep";
export type IPOption_EOL_optclass_Names = "control" | "debug";
export type IPOption_EOL_option_Names = "end_of_list" | "nop" | "security" | "loose_source_route" | "timestamp" | "extended_security" | "commercial_security" | "record_route" | "stream_id" | "strict_source_route" | "experimental_measurement" | "mtu_probe" | "mtu_reply" | "flow_control" | "access_control" | "encode" | "imi_traffic_descriptor" | "extended_IP" | "traceroute" | "address_extension" | "router_alert" | "selective_directed_broadcast_mode" | "dynamic_packet_state" | "upstream_multicast_packet" | "quick_start" | "rfc4727_experiment";
export type IPOption_Router_Alert_alert_Names = "router_shall_examine_packet";
export type IP_flags_Flags = "" | "MF" | "DF" | "MF+DF" | "evil" | "MF+evil" | "DF+evil" | "MF+DF+evil" | "DF+MF" | "evil+MF" | "evil+DF";
export type IP_proto_Names = "hopopt" | "icmp" | "igmp" | "ipencap" | "tcp" | "udp" | "ipv6" | "ipv6_route" | "ipv6_frag" | "gre" | "esp" | "ah" | "ipv6_icmp" | "ipv6_nonxt" | "ipv6_opts" | "ospf" | "pim" | "vrrp" | "sctp";
export type IPerror_flags_Flags = "" | "MF" | "DF" | "MF+DF" | "evil" | "MF+evil" | "DF+evil" | "MF+DF+evil" | "DF+MF" | "evil+MF" | "evil+DF";
export type ICMP_type_Names = "echo-reply" | "dest-unreach" | "source-quench" | "redirect" | "echo-request" | "router-advertisement" | "router-solicitation" | "time-exceeded" | "parameter-problem" | "timestamp-request" | "timestamp-reply" | "information-request" | "information-response" | "address-mask-request" | "address-mask-reply" | "traceroute" | "datagram-conversion-error" | "mobile-host-redirect" | "ipv6-where-are-you" | "ipv6-i-am-here" | "mobile-registration-request" | "mobile-registration-reply" | "domain-name-request" | "domain-name-reply" | "skip" | "photuris";
export type ICMP_code_Names = "network-unreachable" | "host-unreachable" | "protocol-unreachable" | "port-unreachable" | "fragmentation-needed" | "source-route-failed" | "network-unknown" | "host-unknown" | "network-prohibited" | "host-prohibited" | "TOS-network-unreachable" | "TOS-host-unreachable" | "communication-prohibited" | "host-precedence-violation" | "precedence-cutoff" | "network-redirect" | "host-redirect" | "TOS-network-redirect" | "TOS-host-redirect" | "ttl-zero-during-transit" | "ttl-zero-during-reassembly" | "ip-header-bad" | "required-option-missing" | "bad-spi" | "authentication-failed" | "decompression-failed" | "decryption-failed" | "need-authentification" | "need-authorization";
export type TCP_sport_Names = "tcpmux" | "echo" | "discard" | "systat" | "daytime" | "netstat" | "qotd" | "chargen" | "ftp_data" | "ftp" | "ssh" | "telnet" | "smtp" | "time" | "whois" | "tacacs" | "domain" | "gopher" | "finger" | "http" | "kerberos" | "iso_tsap" | "acr_nema" | "poppassd" | "pop3" | "sunrpc" | "auth" | "nntp" | "epmap" | "netbios_ssn" | "imap2" | "snmp" | "snmp_trap" | "cmip_man" | "cmip_agent" | "mailq" | "bgp" | "smux" | "qmtp" | "z3950" | "pawserv" | "zserv" | "rpc2portmap" | "codaauth2" | "ldap" | "svrloc" | "https" | "snpp" | "microsoft_ds" | "kpasswd" | "submissions" | "saft" | "exec" | "login" | "shell" | "printer" | "gdomap" | "uucp" | "klogin" | "kshell" | "afpovertcp" | "rtsp" | "nntps" | "submission" | "nqs" | "qmqp" | "ipp" | "ldaps" | "ldp" | "tinc" | "silc" | "kerberos_adm" | "kerberos4" | "kerberos_master" | "krb_prop" | "moira_db" | "moira_update" | "spamd" | "domain_s" | "supfilesrv" | "rsync" | "ftps_data" | "ftps" | "telnets" | "imaps" | "pop3s" | "socks" | "proofd" | "rootd" | "rmiregistry" | "supfiledbg" | "skkserv" | "openvpn" | "rmtcfg" | "xtel" | "xtelw" | "lotusnote" | "ms_sql_s" | "ingreslock" | "datametrics" | "sa_msg_port" | "kermit" | "groupwise" | "radius" | "radius_acct" | "cisco_sccp" | "nfs" | "gnunet" | "rtcm_sc104" | "gsigatekeeper" | "iprop" | "gris" | "cvspserver" | "venus" | "venus_se" | "codasrv" | "codasrv_se" | "mon" | "zebrasrv" | "zebra" | "ripd" | "ripngd" | "ospfd" | "bgpd" | "ospf6d" | "ospfapi" | "isisd" | "dict" | "f5_globalsite" | "gsiftp" | "gpsd" | "gds_db" | "isns" | "iscsi_target" | "mysql" | "ms_wbt_server" | "nut" | "distcc" | "daap" | "svn" | "suucp" | "sysrqd" | "sieve" | "f5_iquery" | "epmd" | "remctl" | "ntske" | "fax" | "hylafax" | "mtn" | "radmin_port" | "munin" | "sip" | "sip_tls" | "xmpp_client" | "xmpp_server" | "cfengine" | "postgresql" | "freeciv" | "nrpe" | "nsca" | "amqps" | "amqp" | "canna" | "x11" | "x11_1" | "x11_2" | "x11_3" | "x11_4" | "x11_5" | "x11_6" | "x11_7" | "gnutella_svc" | "gnutella_rtr" | "redis" | "sge_qmaster" | "sge_execd" | "mysql_proxy" | "syslog_tls" | "sane_port" | "ircd" | "ircs_u" | "bbs" | "font_service" | "zope_ftp" | "http_alt" | "tproxy" | "omniorb" | "puppet" | "clc_build_daemon" | "xinetd" | "bacula_dir" | "bacula_fd" | "bacula_sd" | "git" | "xmms2" | "zope" | "webmin" | "zabbix_agent" | "zabbix_trapper" | "amanda" | "kamanda" | "amandaidx" | "amidxtape" | "nbd" | "dicom" | "hkp" | "sgi_cad" | "db_lsp" | "dcap" | "gsidcap" | "wnn6" | "binkp" | "asp" | "csync2" | "dircproxy" | "tfido" | "fido";
export type TCP_flags_Flags = "" | "F" | "S" | "FS" | "R" | "FR" | "SR" | "FSR" | "P" | "FP" | "SP" | "FSP" | "RP" | "FRP" | "SRP" | "FSRP" | "A" | "FA" | "SA" | "FSA" | "RA" | "FRA" | "SRA" | "FSRA" | "PA" | "FPA" | "SPA" | "FSPA" | "RPA" | "FRPA" | "SRPA" | "FSRPA" | "U" | "FU" | "SU" | "FSU" | "RU" | "FRU" | "SRU" | "FSRU" | "PU" | "FPU" | "SPU" | "FSPU" | "RPU" | "FRPU" | "SRPU" | "FSRPU" | "AU" | "FAU" | "SAU" | "FSAU" | "RAU" | "FRAU" | "SRAU" | "FSRAU" | "PAU" | "FPAU" | "SPAU" | "FSPAU" | "RPAU" | "FRPAU" | "SRPAU" | "FSRPAU" | "E" | "FE" | "SE" | "FSE" | "RE" | "FRE" | "SRE" | "FSRE" | "PE" | "FPE" | "SPE" | "FSPE" | "RPE" | "FRPE" | "SRPE" | "FSRPE" | "AE" | "FAE" | "SAE" | "FSAE" | "RAE" | "FRAE" | "SRAE" | "FSRAE" | "PAE" | "FPAE" | "SPAE" | "FSPAE" | "RPAE" | "FRPAE" | "SRPAE" | "FSRPAE" | "UE" | "FUE" | "SUE" | "FSUE" | "RUE" | "FRUE" | "SRUE" | "FSRUE" | "PUE" | "FPUE" | "SPUE" | "FSPUE" | "RPUE" | "FRPUE" | "SRPUE" | "FSRPUE" | "AUE" | "FAUE" | "SAUE" | "FSAUE" | "RAUE" | "FRAUE" | "SRAUE" | "FSRAUE" | "PAUE" | "FPAUE" | "SPAUE" | "FSPAUE" | "RPAUE" | "FRPAUE" | "SRPAUE" | "FSRPAUE" | "C" | "FC" | "SC" | "FSC" | "RC" | "FRC" | "SRC" | "FSRC" | "PC" | "FPC" | "SPC" | "FSPC" | "RPC" | "FRPC" | "SRPC" | "FSRPC" | "AC" | "FAC" | "SAC" | "FSAC" | "RAC" | "FRAC" | "SRAC" | "FSRAC" | "PAC" | "FPAC" | "SPAC" | "FSPAC" | "RPAC" | "FRPAC" | "SRPAC" | "FSRPAC" | "UC" | "FUC" | "SUC" | "FSUC" | "RUC" | "FRUC" | "SRUC" | "FSRUC" | "PUC" | "FPUC" | "SPUC" | "FSPUC" | "RPUC" | "FRPUC" | "SRPUC" | "FSRPUC" | "AUC" | "FAUC" | "SAUC" | "FSAUC" | "RAUC" | "FRAUC" | "SRAUC" | "FSRAUC" | "PAUC" | "FPAUC" | "SPAUC" | "FSPAUC" | "RPAUC" | "FRPAUC" | "SRPAUC" | "FSRPAUC" | "EC" | "FEC" | "SEC" | "FSEC" | "REC" | "FREC" | "SREC" | "FSREC" | "PEC" | "FPEC" | "SPEC" | "FSPEC" | "RPEC" | "FRPEC" | "SRPEC" | "FSRPEC" | "AEC" | "FAEC" | "SAEC" | "FSAEC" | "RAEC" | "FRAEC" | "SRAEC" | "FSRAEC" | "PAEC" | "FPAEC" | "SPAEC" | "FSPAEC" | "RPAEC" | "FRPAEC" | "SRPAEC" | "FSRPAEC" | "UEC" | "FUEC" | "SUEC" | "FSUEC" | "RUEC" | "FRUEC" | "SRUEC" | "FSRUEC" | "PUEC" | "FPUEC" | "SPUEC" | "FSPUEC" | "RPUEC" | "FRPUEC" | "SRPUEC" | "FSRPUEC" | "AUEC" | "FAUEC" | "SAUEC" | "FSAUEC" | "RAUEC" | "FRAUEC" | "SRAUEC" | "FSRAUEC" | "PAUEC" | "FPAUEC" | "SPAUEC" | "FSPAUEC" | "RPAUEC" | "FRPAUEC" | "SRPAUEC" | "FSRPAUEC" | "N" | "FN" | "SN" | "FSN" | "RN" | "FRN" | "SRN" | "FSRN" | "PN" | "FPN" | "SPN" | "FSPN" | "RPN" | "FRPN" | "SRPN" | "FSRPN" | "AN" | "FAN" | "SAN" | "FSAN" | "RAN" | "FRAN" | "SRAN" | "FSRAN" | "PAN" | "FPAN" | "SPAN" | "FSPAN" | "RPAN" | "FRPAN" | "SRPAN" | "FSRPAN" | "UN" | "FUN" | "SUN" | "FSUN" | "RUN" | "FRUN" | "SRUN" | "FSRUN" | "PUN" | "FPUN" | "SPUN" | "FSPUN" | "RPUN" | "FRPUN" | "SRPUN" | "FSRPUN" | "AUN" | "FAUN" | "SAUN" | "FSAUN" | "RAUN" | "FRAUN" | "SRAUN" | "FSRAUN" | "PAUN" | "FPAUN" | "SPAUN" | "FSPAUN" | "RPAUN" | "FRPAUN" | "SRPAUN" | "FSRPAUN" | "EN" | "FEN" | "SEN" | "FSEN" | "REN" | "FREN" | "SREN" | "FSREN" | "PEN" | "FPEN" | "SPEN" | "FSPEN" | "RPEN" | "FRPEN" | "SRPEN" | "FSRPEN" | "AEN" | "FAEN" | "SAEN" | "FSAEN" | "RAEN" | "FRAEN" | "SRAEN" | "FSRAEN" | "PAEN" | "FPAEN" | "SPAEN" | "FSPAEN" | "RPAEN" | "FRPAEN" | "SRPAEN" | "FSRPAEN" | "UEN" | "FUEN" | "SUEN" | "FSUEN" | "RUEN" | "FRUEN" | "SRUEN" | "FSRUEN" | "PUEN" | "FPUEN" | "SPUEN" | "FSPUEN" | "RPUEN" | "FRPUEN" | "SRPUEN" | "FSRPUEN" | "AUEN" | "FAUEN" | "SAUEN" | "FSAUEN" | "RAUEN" | "FRAUEN" | "SRAUEN" | "FSRAUEN" | "PAUEN" | "FPAUEN" | "SPAUEN" | "FSPAUEN" | "RPAUEN" | "FRPAUEN" | "SRPAUEN" | "FSRPAUEN" | "CN" | "FCN" | "SCN" | "FSCN" | "RCN" | "FRCN" | "SRCN" | "FSRCN" | "PCN" | "FPCN" | "SPCN" | "FSPCN" | "RPCN" | "FRPCN" | "SRPCN" | "FSRPCN" | "ACN" | "FACN" | "SACN" | "FSACN" | "RACN" | "FRACN" | "SRACN" | "FSRACN" | "PACN" | "FPACN" | "SPACN" | "FSPACN" | "RPACN" | "FRPACN" | "SRPACN" | "FSRPACN" | "UCN" | "FUCN" | "SUCN" | "FSUCN" | "RUCN" | "FRUCN" | "SRUCN" | "FSRUCN" | "PUCN" | "FPUCN" | "SPUCN" | "FSPUCN" | "RPUCN" | "FRPUCN" | "SRPUCN" | "FSRPUCN" | "AUCN" | "FAUCN" | "SAUCN" | "FSAUCN" | "RAUCN" | "FRAUCN" | "SRAUCN" | "FSRAUCN" | "PAUCN" | "FPAUCN" | "SPAUCN" | "FSPAUCN" | "RPAUCN" | "FRPAUCN" | "SRPAUCN" | "FSRPAUCN" | "ECN" | "FECN" | "SECN" | "FSECN" | "RECN" | "FRECN" | "SRECN" | "FSRECN" | "PECN" | "FPECN" | "SPECN" | "FSPECN" | "RPECN" | "FRPECN" | "SRPECN" | "FSRPECN" | "AECN" | "FAECN" | "SAECN" | "FSAECN" | "RAECN" | "FRAECN" | "SRAECN" | "FSRAECN" | "PAECN" | "FPAECN" | "SPAECN" | "FSPAECN" | "RPAECN" | "FRPAECN" | "SRPAECN" | "FSRPAECN" | "UECN" | "FUECN" | "SUECN" | "FSUECN" | "RUECN" | "FRUECN" | "SRUECN" | "FSRUECN" | "PUECN" | "FPUECN" | "SPUECN" | "FSPUECN" | "RPUECN" | "FRPUECN" | "SRPUECN" | "FSRPUECN" | "AUECN" | "FAUECN" | "SAUECN" | "FSAUECN" | "RAUECN" | "FRAUECN" | "SRAUECN" | "FSRAUECN" | "PAUECN" | "FPAUECN" | "SPAUECN" | "FSPAUECN" | "RPAUECN" | "FRPAUECN" | "SRPAUECN" | "FSRPAUECN" | "SF" | "RF" | "RS" | "PF" | "PS" | "PR" | "AF" | "AS" | "AR" | "AP" | "UF" | "US" | "UR" | "UP" | "UA" | "EF" | "ES" | "ER" | "EP" | "EA" | "EU" | "CF" | "CS" | "CR" | "CP" | "CA" | "CU" | "CE" | "NF" | "NS" | "NR" | "NP" | "NA" | "NU" | "NE" | "NC";
export type TCPerror_flags_Flags = "" | "F" | "S" | "FS" | "R" | "FR" | "SR" | "FSR" | "P" | "FP" | "SP" | "FSP" | "RP" | "FRP" | "SRP" | "FSRP" | "A" | "FA" | "SA" | "FSA" | "RA" | "FRA" | "SRA" | "FSRA" | "PA" | "FPA" | "SPA" | "FSPA" | "RPA" | "FRPA" | "SRPA" | "FSRPA" | "U" | "FU" | "SU" | "FSU" | "RU" | "FRU" | "SRU" | "FSRU" | "PU" | "FPU" | "SPU" | "FSPU" | "RPU" | "FRPU" | "SRPU" | "FSRPU" | "AU" | "FAU" | "SAU" | "FSAU" | "RAU" | "FRAU" | "SRAU" | "FSRAU" | "PAU" | "FPAU" | "SPAU" | "FSPAU" | "RPAU" | "FRPAU" | "SRPAU" | "FSRPAU" | "E" | "FE" | "SE" | "FSE" | "RE" | "FRE" | "SRE" | "FSRE" | "PE" | "FPE" | "SPE" | "FSPE" | "RPE" | "FRPE" | "SRPE" | "FSRPE" | "AE" | "FAE" | "SAE" | "FSAE" | "RAE" | "FRAE" | "SRAE" | "FSRAE" | "PAE" | "FPAE" | "SPAE" | "FSPAE" | "RPAE" | "FRPAE" | "SRPAE" | "FSRPAE" | "UE" | "FUE" | "SUE" | "FSUE" | "RUE" | "FRUE" | "SRUE" | "FSRUE" | "PUE" | "FPUE" | "SPUE" | "FSPUE" | "RPUE" | "FRPUE" | "SRPUE" | "FSRPUE" | "AUE" | "FAUE" | "SAUE" | "FSAUE" | "RAUE" | "FRAUE" | "SRAUE" | "FSRAUE" | "PAUE" | "FPAUE" | "SPAUE" | "FSPAUE" | "RPAUE" | "FRPAUE" | "SRPAUE" | "FSRPAUE" | "C" | "FC" | "SC" | "FSC" | "RC" | "FRC" | "SRC" | "FSRC" | "PC" | "FPC" | "SPC" | "FSPC" | "RPC" | "FRPC" | "SRPC" | "FSRPC" | "AC" | "FAC" | "SAC" | "FSAC" | "RAC" | "FRAC" | "SRAC" | "FSRAC" | "PAC" | "FPAC" | "SPAC" | "FSPAC" | "RPAC" | "FRPAC" | "SRPAC" | "FSRPAC" | "UC" | "FUC" | "SUC" | "FSUC" | "RUC" | "FRUC" | "SRUC" | "FSRUC" | "PUC" | "FPUC" | "SPUC" | "FSPUC" | "RPUC" | "FRPUC" | "SRPUC" | "FSRPUC" | "AUC" | "FAUC" | "SAUC" | "FSAUC" | "RAUC" | "FRAUC" | "SRAUC" | "FSRAUC" | "PAUC" | "FPAUC" | "SPAUC" | "FSPAUC" | "RPAUC" | "FRPAUC" | "SRPAUC" | "FSRPAUC" | "EC" | "FEC" | "SEC" | "FSEC" | "REC" | "FREC" | "SREC" | "FSREC" | "PEC" | "FPEC" | "SPEC" | "FSPEC" | "RPEC" | "FRPEC" | "SRPEC" | "FSRPEC" | "AEC" | "FAEC" | "SAEC" | "FSAEC" | "RAEC" | "FRAEC" | "SRAEC" | "FSRAEC" | "PAEC" | "FPAEC" | "SPAEC" | "FSPAEC" | "RPAEC" | "FRPAEC" | "SRPAEC" | "FSRPAEC" | "UEC" | "FUEC" | "SUEC" | "FSUEC" | "RUEC" | "FRUEC" | "SRUEC" | "FSRUEC" | "PUEC" | "FPUEC" | "SPUEC" | "FSPUEC" | "RPUEC" | "FRPUEC" | "SRPUEC" | "FSRPUEC" | "AUEC" | "FAUEC" | "SAUEC" | "FSAUEC" | "RAUEC" | "FRAUEC" | "SRAUEC" | "FSRAUEC" | "PAUEC" | "FPAUEC" | "SPAUEC" | "FSPAUEC" | "RPAUEC" | "FRPAUEC" | "SRPAUEC" | "FSRPAUEC" | "N" | "FN" | "SN" | "FSN" | "RN" | "FRN" | "SRN" | "FSRN" | "PN" | "FPN" | "SPN" | "FSPN" | "RPN" | "FRPN" | "SRPN" | "FSRPN" | "AN" | "FAN" | "SAN" | "FSAN" | "RAN" | "FRAN" | "SRAN" | "FSRAN" | "PAN" | "FPAN" | "SPAN" | "FSPAN" | "RPAN" | "FRPAN" | "SRPAN" | "FSRPAN" | "UN" | "FUN" | "SUN" | "FSUN" | "RUN" | "FRUN" | "SRUN" | "FSRUN" | "PUN" | "FPUN" | "SPUN" | "FSPUN" | "RPUN" | "FRPUN" | "SRPUN" | "FSRPUN" | "AUN" | "FAUN" | "SAUN" | "FSAUN" | "RAUN" | "FRAUN" | "SRAUN" | "FSRAUN" | "PAUN" | "FPAUN" | "SPAUN" | "FSPAUN" | "RPAUN" | "FRPAUN" | "SRPAUN" | "FSRPAUN" | "EN" | "FEN" | "SEN" | "FSEN" | "REN" | "FREN" | "SREN" | "FSREN" | "PEN" | "FPEN" | "SPEN" | "FSPEN" | "RPEN" | "FRPEN" | "SRPEN" | "FSRPEN" | "AEN" | "FAEN" | "SAEN" | "FSAEN" | "RAEN" | "FRAEN" | "SRAEN" | "FSRAEN" | "PAEN" | "FPAEN" | "SPAEN" | "FSPAEN" | "RPAEN" | "FRPAEN" | "SRPAEN" | "FSRPAEN" | "UEN" | "FUEN" | "SUEN" | "FSUEN" | "RUEN" | "FRUEN" | "SRUEN" | "FSRUEN" | "PUEN" | "FPUEN" | "SPUEN" | "FSPUEN" | "RPUEN" | "FRPUEN" | "SRPUEN" | "FSRPUEN" | "AUEN" | "FAUEN" | "SAUEN" | "FSAUEN" | "RAUEN" | "FRAUEN" | "SRAUEN" | "FSRAUEN" | "PAUEN" | "FPAUEN" | "SPAUEN" | "FSPAUEN" | "RPAUEN" | "FRPAUEN" | "SRPAUEN" | "FSRPAUEN" | "CN" | "FCN" | "SCN" | "FSCN" | "RCN" | "FRCN" | "SRCN" | "FSRCN" | "PCN" | "FPCN" | "SPCN" | "FSPCN" | "RPCN" | "FRPCN" | "SRPCN" | "FSRPCN" | "ACN" | "FACN" | "SACN" | "FSACN" | "RACN" | "FRACN" | "SRACN" | "FSRACN" | "PACN" | "FPACN" | "SPACN" | "FSPACN" | "RPACN" | "FRPACN" | "SRPACN" | "FSRPACN" | "UCN" | "FUCN" | "SUCN" | "FSUCN" | "RUCN" | "FRUCN" | "SRUCN" | "FSRUCN" | "PUCN" | "FPUCN" | "SPUCN" | "FSPUCN" | "RPUCN" | "FRPUCN" | "SRPUCN" | "FSRPUCN" | "AUCN" | "FAUCN" | "SAUCN" | "FSAUCN" | "RAUCN" | "FRAUCN" | "SRAUCN" | "FSRAUCN" | "PAUCN" | "FPAUCN" | "SPAUCN" | "FSPAUCN" | "RPAUCN" | "FRPAUCN" | "SRPAUCN" | "FSRPAUCN" | "ECN" | "FECN" | "SECN" | "FSECN" | "RECN" | "FRECN" | "SRECN" | "FSRECN" | "PECN" | "FPECN" | "SPECN" | "FSPECN" | "RPECN" | "FRPECN" | "SRPECN" | "FSRPECN" | "AECN" | "FAECN" | "SAECN" | "FSAECN" | "RAECN" | "FRAECN" | "SRAECN" | "FSRAECN" | "PAECN" | "FPAECN" | "SPAECN" | "FSPAECN" | "RPAECN" | "FRPAECN" | "SRPAECN" | "FSRPAECN" | "UECN" | "FUECN" | "SUECN" | "FSUECN" | "RUECN" | "FRUECN" | "SRUECN" | "FSRUECN" | "PUECN" | "FPUECN" | "SPUECN" | "FSPUECN" | "RPUECN" | "FRPUECN" | "SRPUECN" | "FSRPUECN" | "AUECN" | "FAUECN" | "SAUECN" | "FSAUECN" | "RAUECN" | "FRAUECN" | "SRAUECN" | "FSRAUECN" | "PAUECN" | "FPAUECN" | "SPAUECN" | "FSPAUECN" | "RPAUECN" | "FRPAUECN" | "SRPAUECN" | "FSRPAUECN" | "SF" | "RF" | "RS" | "PF" | "PS" | "PR" | "AF" | "AS" | "AR" | "AP" | "UF" | "US" | "UR" | "UP" | "UA" | "EF" | "ES" | "ER" | "EP" | "EA" | "EU" | "CF" | "CS" | "CR" | "CP" | "CA" | "CU" | "CE" | "NF" | "NS" | "NR" | "NP" | "NA" | "NU" | "NE" | "NC";
export type UDP_sport_Names = "echo" | "discard" | "daytime" | "chargen" | "fsp" | "time" | "tacacs" | "domain" | "bootps" | "bootpc" | "tftp" | "kerberos" | "sunrpc" | "ntp" | "netbios_ns" | "netbios_dgm" | "snmp" | "snmp_trap" | "cmip_man" | "cmip_agent" | "xdmcp" | "ipx" | "ptp_event" | "ptp_general" | "rpc2portmap" | "codaauth2" | "clearcase" | "ldap" | "svrloc" | "https" | "kpasswd" | "isakmp" | "biff" | "who" | "syslog" | "talk" | "ntalk" | "route" | "gdomap" | "dhcpv6_client" | "dhcpv6_server" | "rtsp" | "asf_rmcp" | "ldaps" | "ldp" | "tinc" | "kerberos4" | "kerberos_master" | "passwd_server" | "moira_ureg" | "domain_s" | "openvpn" | "predict" | "ms_sql_m" | "datametrics" | "sa_msg_port" | "l2f" | "radius" | "radius_acct" | "nfs" | "gnunet" | "rtcm_sc104" | "zephyr_srv" | "zephyr_clt" | "zephyr_hm" | "venus" | "venus_se" | "codasrv" | "codasrv_se" | "mon" | "icpv2" | "isns" | "nut" | "ipsec_nat_t" | "iax" | "sip" | "sip_tls" | "mdns" | "rplay" | "gnutella_svc" | "gnutella_rtr" | "babel" | "afs3_fileserver" | "afs3_callback" | "afs3_prserver" | "afs3_vlserver" | "afs3_kaserver" | "afs3_volser" | "afs3_bos" | "afs3_update" | "afs3_rmtsys" | "sgi_cmsd" | "sgi_crsd" | "sgi_gcd" | "asp";
export type IPv6_nh_Names = "Hop-by-Hop Option Header" | "IP" | "TCP" | "UDP" | "IPv6" | "Routing Header" | "Fragment Header" | "GRE" | "ESP Header" | "AH Header" | "ICMPv6" | "No Next Header" | "Destination Option Header" | "VRRP" | "SCTP" | "Mobility Header";
export type ICMPv6DestUnreach_type_Names = "Destination unreachable" | "Packet too big" | "Time exceeded" | "Parameter problem" | "Private Experimentation" | "Echo Request" | "Echo Reply" | "MLD Query" | "MLD Report" | "MLD Done" | "Router Solicitation" | "Router Advertisement" | "Neighbor Solicitation" | "Neighbor Advertisement" | "Redirect Message" | "Router Renumbering" | "ICMP Node Information Query" | "ICMP Node Information Response" | "Inverse Neighbor Discovery Solicitation Message" | "Inverse Neighbor Discovery Advertisement Message" | "MLD Report Version 2" | "Home Agent Address Discovery Request Message" | "Home Agent Address Discovery Reply Message" | "Mobile Prefix Solicitation" | "Mobile Prefix Advertisement" | "Certification Path Solicitation" | "Certification Path Advertisement" | "Multicast Router Advertisement" | "Multicast Router Solicitation" | "Multicast Router Termination";
export type ICMPv6DestUnreach_code_Names = "No route to destination" | "Communication with destination administratively prohibited" | "Beyond scope of source address" | "Address unreachable" | "Port unreachable";
export type ICMPv6TimeExceeded_code_Names = "hop limit exceeded in transit" | "fragment reassembly time exceeded";
export type ICMPv6ParamProblem_code_Names = "erroneous header field encountered" | "unrecognized Next Header type encountered" | "unrecognized IPv6 option encountered" | "first fragment has incomplete header chain";
export type ICMPv6ND_RA_prf_Names = "Medium (default)" | "High" | "Reserved" | "Low";
export type DNSRRMX_type_Names = "ANY" | "A" | "NS" | "MD" | "MF" | "CNAME" | "SOA" | "MB" | "MG" | "MR" | "NULL" | "WKS" | "PTR" | "HINFO" | "MINFO" | "MX" | "TXT" | "RP" | "AFSDB" | "X25" | "ISDN" | "RT" | "NSAP" | "NSAP-PTR" | "SIG" | "KEY" | "PX" | "GPOS" | "AAAA" | "LOC" | "NXT" | "EID" | "NIMLOC" | "SRV" | "ATMA" | "NAPTR" | "KX" | "CERT" | "A6" | "DNAME" | "SINK" | "OPT" | "APL" | "DS" | "SSHFP" | "IPSECKEY" | "RRSIG" | "NSEC" | "DNSKEY" | "DHCID" | "NSEC3" | "NSEC3PARAM" | "TLSA" | "SMIMEA" | "HIP" | "NINFO" | "RKEY" | "TALINK" | "CDS" | "CDNSKEY" | "OPENPGPKEY" | "CSYNC" | "ZONEMD" | "SVCB" | "HTTPS" | "SPF" | "UINFO" | "UID" | "GID" | "UNSPEC" | "NID" | "L32" | "L64" | "LP" | "EUI48" | "EUI64" | "TKEY" | "TSIG" | "URI" | "CAA" | "AVC" | "DOA" | "AMTRELAY" | "TA" | "DLV" | "RESERVED";
export type DNSRRMX_rclass_Names = "IN" | "CS" | "CH" | "HS" | "ANY";
export type EDNS0TLV_optcode_Names = "Reserved" | "LLQ" | "UL" | "NSID" | "PING" | "edns-client-subnet";
export type DNSRROPT_z_Names = "D0";
export type DNSQR_qtype_Names = "ANY" | "A" | "NS" | "MD" | "MF" | "CNAME" | "SOA" | "MB" | "MG" | "MR" | "NULL" | "WKS" | "PTR" | "HINFO" | "MINFO" | "MX" | "TXT" | "RP" | "AFSDB" | "X25" | "ISDN" | "RT" | "NSAP" | "NSAP-PTR" | "SIG" | "KEY" | "PX" | "GPOS" | "AAAA" | "LOC" | "NXT" | "EID" | "NIMLOC" | "SRV" | "ATMA" | "NAPTR" | "KX" | "CERT" | "A6" | "DNAME" | "SINK" | "OPT" | "APL" | "DS" | "SSHFP" | "IPSECKEY" | "RRSIG" | "NSEC" | "DNSKEY" | "DHCID" | "NSEC3" | "NSEC3PARAM" | "TLSA" | "SMIMEA" | "HIP" | "NINFO" | "RKEY" | "TALINK" | "CDS" | "CDNSKEY" | "OPENPGPKEY" | "CSYNC" | "ZONEMD" | "SVCB" | "HTTPS" | "SPF" | "UINFO" | "UID" | "GID" | "UNSPEC" | "NID" | "L32" | "L64" | "LP" | "EUI48" | "EUI64" | "TKEY" | "TSIG" | "IXFR" | "AXFR" | "MAILB" | "MAILA" | "ALL" | "URI" | "CAA" | "AVC" | "DOA" | "AMTRELAY" | "TA" | "DLV" | "RESERVED";
export type DNS_opcode_Names = "QUERY" | "IQUERY" | "STATUS";
export type DNS_rcode_Names = "ok" | "format-error" | "server-failure" | "name-error" | "not-implemented" | "refused";
export type BOOTP_op_Names = "BOOTREQUEST" | "BOOTREPLY";
export type BOOTP_flags_Flags = "" | "?" | "B" | "?B" | "B?";
export type DUID_LLT_type_Names = "Link-layer address plus time" | "Vendor-assigned unique ID based on Enterprise Number" | "Link-layer Address" | "UUID";
export type DUID_LLT_hwtype_Names = "NET/ROM pseudo" | "Ethernet (10Mb)" | "Experimental Ethernet (3Mb)" | "Amateur Radio AX.25" | "Proteon ProNET Token Ring" | "Chaos" | "IEEE 802 Networks" | "ARCNET" | "Hyperchannel" | "Lanstar" | "Autonet Short Address" | "LocalTalk" | "LocalNet (IBM PCNet or SYTEK LocalNET)" | "Ultra link" | "SMDS" | "Frame Relay" | "Asynchronous Transmission Mode (ATM)" | "HDLC" | "Fibre Channel" | "Serial Line" | "MIL-STD-188-220" | "Metricom" | "IEEE 1394.1995" | "MAPOS" | "Twinaxial" | "EUI-64" | "HIPARP" | "IP and ARP over ISO 7816-3" | "ARPSec" | "IPsec tunnel" | "InfiniBand (TM)" | "TIA-102 Project 25 Common Air Interface (CAI)";
export type DUID_EN_enterprisenum_Names = "ciscoSystems" | "Nortel Networks" | "3Com" | "Microsoft" | "Juniper Networks, Inc." | "Netgear" | "Cisco Systems, Inc." | "Cisco Systems" | "Google, Inc";
export type DHCP6OptUnknown_optcode_Names = "CLIENTID" | "SERVERID" | "IA_NA" | "IA_TA" | "IAADDR" | "ORO" | "PREFERENCE" | "ELAPSED_TIME" | "RELAY_MSG" | "AUTH" | "UNICAST" | "STATUS_CODE" | "RAPID_COMMIT" | "USER_CLASS" | "VENDOR_CLASS" | "VENDOR_OPTS" | "INTERFACE_ID" | "RECONF_MSG" | "RECONF_ACCEPT" | "SIP Servers Domain Name List" | "SIP Servers IPv6 Address List" | "DNS Recursive Name Server Option" | "Domain Search List option" | "OPTION_IA_PD" | "OPTION_IAPREFIX" | "OPTION_NIS_SERVERS" | "OPTION_NISP_SERVERS" | "OPTION_NIS_DOMAIN_NAME" | "OPTION_NISP_DOMAIN_NAME" | "OPTION_SNTP_SERVERS" | "OPTION_INFORMATION_REFRESH_TIME" | "OPTION_BCMCS_SERVER_D" | "OPTION_BCMCS_SERVER_A" | "OPTION_GEOCONF_CIVIC" | "OPTION_REMOTE_ID" | "OPTION_SUBSCRIBER_ID" | "OPTION_CLIENT_FQDN" | "OPTION_PANA_AGENT" | "OPTION_NEW_POSIX_TIMEZONE" | "OPTION_NEW_TZDB_TIMEZONE" | "OPTION_LQ_CLIENT_LINK" | "OPT_BOOTFILE_URL" | "OPT_BOOTFILE_PARAM" | "OPTION_CLIENT_ARCH_TYPE" | "OPTION_NII" | "OPTION_ERP_LOCAL_DOMAIN_NAME" | "OPTION_RELAY_SUPPLIED_OPTIONS" | "OPTION_VSS" | "OPTION_CLIENT_LINKLAYER_ADDR" | "OPTION_MUD_URL";
export type DHCP6OptIAAddress_preflft_Names = "infinity";
export type DHCP6OptStatusCode_statuscode_Names = "Success" | "UnspecFail" | "NoAddrsAvail" | "NoBinding" | "NotOnLink" | "UseMulticast" | "NoPrefixAvail";
export type DHCP6_msgtype_Names = "SOLICIT" | "ADVERTISE" | "REQUEST" | "CONFIRM" | "RENEW" | "REBIND" | "REPLY" | "RELEASE" | "DECLINE" | "RECONFIGURE" | "INFORMATION-REQUEST" | "RELAY-FORW" | "RELAY-REPL";
export type NTPHeader_leap_Names = "no warning" | "last minute of the day has 61 seconds" | "last minute of the day has 59 seconds" | "unknown (clock unsynchronized)";
export type NTPHeader_mode_Names = "reserved" | "symmetric active" | "symmetric passive" | "client" | "server" | "broadcast" | "NTP control message" | "reserved for private use";
export type VXLAN_flags_Flags = "" | "OAM" | "R" | "OAM+R" | "NextProtocol" | "OAM+NextProtocol" | "R+NextProtocol" | "OAM+R+NextProtocol" | "Instance" | "OAM+Instance" | "R+Instance" | "OAM+R+Instance" | "NextProtocol+Instance" | "OAM+NextProtocol+Instance" | "R+NextProtocol+Instance" | "OAM+R+NextProtocol+Instance" | "V1" | "OAM+V1" | "R+V1" | "OAM+R+V1" | "NextProtocol+V1" | "OAM+NextProtocol+V1" | "R+NextProtocol+V1" | "OAM+R+NextProtocol+V1" | "Instance+V1" | "OAM+Instance+V1" | "R+Instance+V1" | "OAM+R+Instance+V1" | "NextProtocol+Instance+V1" | "OAM+NextProtocol+Instance+V1" | "R+NextProtocol+Instance+V1" | "OAM+R+NextProtocol+Instance+V1" | "V2" | "OAM+V2" | "R+V2" | "OAM+R+V2" | "NextProtocol+V2" | "OAM+NextProtocol+V2" | "R+NextProtocol+V2" | "OAM+R+NextProtocol+V2" | "Instance+V2" | "OAM+Instance+V2" | "R+Instance+V2" | "OAM+R+Instance+V2" | "NextProtocol+Instance+V2" | "OAM+NextProtocol+Instance+V2" | "R+NextProtocol+Instance+V2" | "OAM+R+NextProtocol+Instance+V2" | "V1+V2" | "OAM+V1+V2" | "R+V1+V2" | "OAM+R+V1+V2" | "NextProtocol+V1+V2" | "OAM+NextProtocol+V1+V2" | "R+NextProtocol+V1+V2" | "OAM+R+NextProtocol+V1+V2" | "Instance+V1+V2" | "OAM+Instance+V1+V2" | "R+Instance+V1+V2" | "OAM+R+Instance+V1+V2" | "NextProtocol+Instance+V1+V2" | "OAM+NextProtocol+Instance+V1+V2" | "R+NextProtocol+Instance+V1+V2" | "OAM+R+NextProtocol+Instance+V1+V2" | "G" | "OAM+G" | "R+G" | "OAM+R+G" | "NextProtocol+G" | "OAM+NextProtocol+G" | "R+NextProtocol+G" | "OAM+R+NextProtocol+G" | "Instance+G" | "OAM+Instance+G" | "R+Instance+G" | "OAM+R+Instance+G" | "NextProtocol+Instance+G" | "OAM+NextProtocol+Instance+G" | "R+NextProtocol+Instance+G" | "OAM+R+NextProtocol+Instance+G" | "V1+G" | "OAM+V1+G" | "R+V1+G" | "OAM+R+V1+G" | "NextProtocol+V1+G" | "OAM+NextProtocol+V1+G" | "R+NextProtocol+V1+G" | "OAM+R+NextProtocol+V1+G" | "Instance+V1+G" | "OAM+Instance+V1+G" | "R+Instance+V1+G" | "OAM+R+Instance+V1+G" | "NextProtocol+Instance+V1+G" | "OAM+NextProtocol+Instance+V1+G" | "R+NextProtocol+Instance+V1+G" | "OAM+R+NextProtocol+Instance+V1+G" | "V2+G" | "OAM+V2+G" | "R+V2+G" | "OAM+R+V2+G" | "NextProtocol+V2+G" | "OAM+NextProtocol+V2+G" | "R+NextProtocol+V2+G" | "OAM+R+NextProtocol+V2+G" | "Instance+V2+G" | "OAM+Instance+V2+G" | "R+Instance+V2+G" | "OAM+R+Instance+V2+G" | "NextProtocol+Instance+V2+G" | "OAM+NextProtocol+Instance+V2+G" | "R+NextProtocol+Instance+V2+G" | "OAM+R+NextProtocol+Instance+V2+G" | "V1+V2+G" | "OAM+V1+V2+G" | "R+V1+V2+G" | "OAM+R+V1+V2+G" | "NextProtocol+V1+V2+G" | "OAM+NextProtocol+V1+V2+G" | "R+NextProtocol+V1+V2+G" | "OAM+R+NextProtocol+V1+V2+G" | "Instance+V1+V2+G" | "OAM+Instance+V1+V2+G" | "R+Instance+V1+V2+G" | "OAM+R+Instance+V1+V2+G" | "NextProtocol+Instance+V1+V2+G" | "OAM+NextProtocol+Instance+V1+V2+G" | "R+NextProtocol+Instance+V1+V2+G" | "OAM+R+NextProtocol+Instance+V1+V2+G" | "R+OAM" | "NextProtocol+OAM" | "NextProtocol+R" | "Instance+OAM" | "Instance+R" | "Instance+NextProtocol" | "V1+OAM" | "V1+R" | "V1+NextProtocol" | "V1+Instance" | "V2+OAM" | "V2+R" | "V2+NextProtocol" | "V2+Instance" | "V2+V1" | "G+OAM" | "G+R" | "G+NextProtocol" | "G+Instance" | "G+V1" | "G+V2";
export type VXLAN_NextProtocol_Names = "NotDefined" | "IPv4" | "IPv6" | "Ethernet" | "NSH";
export type VXLAN_gpflags_Flags = "" | "R" | "A" | "RA" | "D" | "RD" | "AD" | "RAD" | "AR" | "DR" | "DA";
export type IPOption_Timestamp_flg_Names = "timestamp_only" | "timestamp_and_ip_addr" | "prespecified_ip_addr";
export type Pad1_otype_Names = "Pad1" | "PadN" | "Tunnel Encapsulation Limit" | "Router Alert" | "Quick-Start" | "Jumbo Payload" | "Home Address Option";
export type RouterAlert_value_Names = "Datagram contains a MLD message" | "Datagram contains RSVP message" | "Datagram contains an Active Network message" | "NSIS NATFW NSLP" | "MPLS OAM" | "Reserved";
export type IPv6ExtHdrSegmentRoutingTLV_type_Names = "Pad1 TLV" | "Ingress Node TLV" | "Egress Node TLV" | "PadN TLV" | "HMAC TLV";
export type IGMP_type_Names = "Group Membership Query" | "Version 1 - Membership Report" | "Version 2 - Membership Report" | "Leave Group";
export type IGMPv3_type_Names = "Membership Query" | "Version 3 Membership Report" | "Multicast Router Advertisement" | "Multicast Router Solicitation" | "Multicast Router Termination";
export type IGMPv3gr_rtype_Names = "Mode Is Include" | "Mode Is Exclude" | "Change To Include Mode" | "Change To Exclude Mode" | "Allow New Sources" | "Block Old Sources";
export type GeneveOptions_classid_Names = "Linux" | "Open vSwitch" | "Open Virtual Networking (OVN)" | "In-band Network Telemetry (INT)" | "VMware" | "Amazon.com, Inc." | "Cisco Systems, Inc." | "Oracle Corporation" | "IBM" | "Ericsson" | "Unassigned" | "Experimental";

/** The fields of Raw(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface RawFields {
  /** bytes, default b'' */
  "load"?: Buffer | string | (Buffer | string)[];
}

/** The fields of Padding(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface PaddingFields {
  /** bytes, default b'' */
  "load"?: Buffer | string | (Buffer | string)[];
}

/** The fields of Ether(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface EtherFields {
  /** 6 bytes, default ff:ff:ff:ff:ff:ff */
  "dst"?: string | string[];
  /** 6 bytes, default 00:00:00:00:00:00 */
  "src"?: string | string[];
  /** 16 bits, default 36864 */
  "type"?: (number | Ether_type_Names) | ((number | Ether_type_Names) | Range)[] | Range;
}

/** The fields of Dot1Q(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface Dot1QFields {
  /** 3 bits, default 0 */
  "prio"?: number | (number | Range)[] | Range;
  /** 1 bits, default 0 */
  "id"?: number | (number | Range)[] | Range;
  /** 12 bits, default 1 */
  "vlan"?: number | (number | Range)[] | Range;
  /** 16 bits, default 0 */
  "type"?: (number | Ether_type_Names) | ((number | Ether_type_Names) | Range)[] | Range;
}

/** The fields of ARP(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface ARPFields {
  /** 16 bits, default Ethernet (10Mb) */
  "hwtype"?: (number | ARP_hwtype_Names) | ((number | ARP_hwtype_Names) | Range)[] | Range;
  /** 16 bits, default IPv4 */
  "ptype"?: (number | Ether_type_Names) | ((number | Ether_type_Names) | Range)[] | Range;
  /** 8 bits, computed when not given */
  "hwlen"?: number | (number | Range)[] | Range | null;
  /** 8 bits, computed when not given */
  "plen"?: number | (number | Range)[] | Range | null;
  /** 16 bits, default who-has */
  "op"?: (number | ARP_op_Names) | ((number | ARP_op_Names) | Range)[] | Range;
  /** bytes, default 00:00:00:00:00:00 */
  "hwsrc"?: string | Buffer | (string | Buffer)[];
  /** bytes, default 0.0.0.0 */
  "psrc"?: string | Buffer | (string | Buffer)[];
  /** bytes, default 00:00:00:00:00:00 */
  "hwdst"?: string | Buffer | (string | Buffer)[];
  /** bytes, default 0.0.0.0 */
  "pdst"?: string | Buffer | (string | Buffer)[];
}

/** The fields of IPOption_EOL(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface IPOption_EOLFields {
  /** 1 bits, default 0 */
  "copy_flag"?: number | (number | Range)[] | Range;
  /** 2 bits, default control */
  "optclass"?: (number | IPOption_EOL_optclass_Names) | ((number | IPOption_EOL_optclass_Names) | Range)[] | Range;
  /** 5 bits, default end_of_list */
  "option"?: (number | IPOption_EOL_option_Names) | ((number | IPOption_EOL_option_Names) | Range)[] | Range;
}

/** The fields of IPOption_NOP(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface IPOption_NOPFields {
  /** 1 bits, default 0 */
  "copy_flag"?: number | (number | Range)[] | Range;
  /** 2 bits, default control */
  "optclass"?: (number | IPOption_EOL_optclass_Names) | ((number | IPOption_EOL_optclass_Names) | Range)[] | Range;
  /** 5 bits, default nop */
  "option"?: (number | IPOption_EOL_option_Names) | ((number | IPOption_EOL_option_Names) | Range)[] | Range;
}

/** The fields of IPOption_RR(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface IPOption_RRFields {
  /** 1 bits, default 0 */
  "copy_flag"?: number | (number | Range)[] | Range;
  /** 2 bits, default control */
  "optclass"?: (number | IPOption_EOL_optclass_Names) | ((number | IPOption_EOL_optclass_Names) | Range)[] | Range;
  /** 5 bits, default record_route */
  "option"?: (number | IPOption_EOL_option_Names) | ((number | IPOption_EOL_option_Names) | Range)[] | Range;
  /** 8 bits, computed when not given */
  "length"?: number | (number | Range)[] | Range | null;
  /** 8 bits, default 4 */
  "pointer"?: number | (number | Range)[] | Range;
  /** bytes, default [] */
  "routers"?: string[];
}

/** The fields of IPOption_Router_Alert(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface IPOption_Router_AlertFields {
  /** 1 bits, default 1 */
  "copy_flag"?: number | (number | Range)[] | Range;
  /** 2 bits, default control */
  "optclass"?: (number | IPOption_EOL_optclass_Names) | ((number | IPOption_EOL_optclass_Names) | Range)[] | Range;
  /** 5 bits, default router_alert */
  "option"?: (number | IPOption_EOL_option_Names) | ((number | IPOption_EOL_option_Names) | Range)[] | Range;
  /** 8 bits, default 4 */
  "length"?: number | (number | Range)[] | Range;
  /** 16 bits, default router_shall_examine_packet */
  "alert"?: (number | IPOption_Router_Alert_alert_Names) | ((number | IPOption_Router_Alert_alert_Names) | Range)[] | Range;
}

/** The fields of IPOption(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface IPOptionFields {
  /** 1 bits, default 0 */
  "copy_flag"?: number | (number | Range)[] | Range;
  /** 2 bits, default control */
  "optclass"?: (number | IPOption_EOL_optclass_Names) | ((number | IPOption_EOL_optclass_Names) | Range)[] | Range;
  /** 5 bits, default end_of_list */
  "option"?: (number | IPOption_EOL_option_Names) | ((number | IPOption_EOL_option_Names) | Range)[] | Range;
  /** 8 bits, computed when not given */
  "length"?: number | (number | Range)[] | Range | null;
  /** bytes, default '' */
  "value"?: Buffer | string | (Buffer | string)[];
}

/** The fields of IP(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface IPFields {
  /** 4 bits, default 4 */
  "version"?: number | (number | Range)[] | Range;
  /** 4 bits, computed when not given */
  "ihl"?: number | (number | Range)[] | Range | null;
  /** 8 bits, default 0 */
  "tos"?: number | (number | Range)[] | Range;
  /** 16 bits, computed when not given */
  "len"?: number | (number | Range)[] | Range | null;
  /** 16 bits, default 1 */
  "id"?: number | (number | Range)[] | Range;
  /** 3 bits, default  */
  "flags"?: (number | IP_flags_Flags) | ((number | IP_flags_Flags) | Range)[] | Range;
  /** 13 bits, default 0 */
  "frag"?: number | (number | Range)[] | Range;
  /** 8 bits, default 64 */
  "ttl"?: number | (number | Range)[] | Range;
  /** 8 bits, default hopopt */
  "proto"?: (number | IP_proto_Names) | ((number | IP_proto_Names) | Range)[] | Range;
  /** 16 bits, computed when not given */
  "chksum"?: number | (number | Range)[] | Range | null;
  /** 4 bytes, default 127.0.0.1 */
  "src"?: string | string[];
  /** 4 bytes, default 127.0.0.1 */
  "dst"?: string | string[];
  /** bytes, default [] */
  "options"?: PacketSpec<"IPOption_EOL" | "IPOption_NOP" | "IPOption_RR" | "IPOption_Router_Alert" | "IPOption" | "IPOption_LSRR" | "IPOption_SSRR" | "IPOption_Timestamp"> | PacketSpec<"IPOption_EOL" | "IPOption_NOP" | "IPOption_RR" | "IPOption_Router_Alert" | "IPOption" | "IPOption_LSRR" | "IPOption_SSRR" | "IPOption_Timestamp">[];
}

/** The fields of IPerror(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface IPerrorFields {
  /** 4 bits, default 4 */
  "version"?: number | (number | Range)[] | Range;
  /** 4 bits, computed when not given */
  "ihl"?: number | (number | Range)[] | Range | null;
  /** 8 bits, default 0 */
  "tos"?: number | (number | Range)[] | Range;
  /** 16 bits, computed when not given */
  "len"?: number | (number | Range)[] | Range | null;
  /** 16 bits, default 1 */
  "id"?: number | (number | Range)[] | Range;
  /** 3 bits, default  */
  "flags"?: (number | IPerror_flags_Flags) | ((number | IPerror_flags_Flags) | Range)[] | Range;
  /** 13 bits, default 0 */
  "frag"?: number | (number | Range)[] | Range;
  /** 8 bits, default 64 */
  "ttl"?: number | (number | Range)[] | Range;
  /** 8 bits, default hopopt */
  "proto"?: (number | IP_proto_Names) | ((number | IP_proto_Names) | Range)[] | Range;
  /** 16 bits, computed when not given */
  "chksum"?: number | (number | Range)[] | Range | null;
  /** 4 bytes, default 127.0.0.1 */
  "src"?: string | string[];
  /** 4 bytes, default 127.0.0.1 */
  "dst"?: string | string[];
  /** bytes, default [] */
  "options"?: PacketSpec<"IPOption_EOL" | "IPOption_NOP" | "IPOption_RR" | "IPOption_Router_Alert" | "IPOption" | "IPOption_LSRR" | "IPOption_SSRR" | "IPOption_Timestamp"> | PacketSpec<"IPOption_EOL" | "IPOption_NOP" | "IPOption_RR" | "IPOption_Router_Alert" | "IPOption" | "IPOption_LSRR" | "IPOption_SSRR" | "IPOption_Timestamp">[];
}

/** The fields of ICMP(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface ICMPFields {
  /** 8 bits, default echo-request */
  "type"?: (number | ICMP_type_Names) | ((number | ICMP_type_Names) | Range)[] | Range;
  /** 8 bits, default 0 */
  "code"?: (number | ICMP_code_Names) | ((number | ICMP_code_Names) | Range)[] | Range;
  /** 16 bits, computed when not given */
  "chksum"?: number | (number | Range)[] | Range | null;
  /** 16 bits, default 0 */
  "id"?: number | (number | Range)[] | Range;
  /** 16 bits, default 0 */
  "seq"?: number | (number | Range)[] | Range;
  /** 32 bits, default the time of day (ms since midnight UTC) when wirecheck loaded, as Scapy's */
  "ts_ori"?: number | (number | Range)[] | Range;
  /** 32 bits, default the time of day (ms since midnight UTC) when wirecheck loaded, as Scapy's */
  "ts_rx"?: number | (number | Range)[] | Range;
  /** 32 bits, default the time of day (ms since midnight UTC) when wirecheck loaded, as Scapy's */
  "ts_tx"?: number | (number | Range)[] | Range;
  /** 4 bytes, default 0.0.0.0 */
  "gw"?: string | string[];
  /** 8 bits, default 0 */
  "ptr"?: number | (number | Range)[] | Range;
  /** 8 bits, default 0 */
  "reserved"?: number | (number | Range)[] | Range;
  /** 8 bits, default 0 */
  "length"?: number | (number | Range)[] | Range;
  /** 4 bytes, default 0.0.0.0 */
  "addr_mask"?: string | string[];
  /** 16 bits, default 0 */
  "nexthopmtu"?: number | (number | Range)[] | Range;
  /** 16 bits, default 0 */
  "unused"?: number | (number | Range)[] | Range;
}

/** The fields of ICMPerror(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface ICMPerrorFields {
  /** 8 bits, default echo-request */
  "type"?: (number | ICMP_type_Names) | ((number | ICMP_type_Names) | Range)[] | Range;
  /** 8 bits, default 0 */
  "code"?: (number | ICMP_code_Names) | ((number | ICMP_code_Names) | Range)[] | Range;
  /** 16 bits, computed when not given */
  "chksum"?: number | (number | Range)[] | Range | null;
  /** 16 bits, default 0 */
  "id"?: number | (number | Range)[] | Range;
  /** 16 bits, default 0 */
  "seq"?: number | (number | Range)[] | Range;
  /** 32 bits, default the time of day (ms since midnight UTC) when wirecheck loaded, as Scapy's */
  "ts_ori"?: number | (number | Range)[] | Range;
  /** 32 bits, default the time of day (ms since midnight UTC) when wirecheck loaded, as Scapy's */
  "ts_rx"?: number | (number | Range)[] | Range;
  /** 32 bits, default the time of day (ms since midnight UTC) when wirecheck loaded, as Scapy's */
  "ts_tx"?: number | (number | Range)[] | Range;
  /** 4 bytes, default 0.0.0.0 */
  "gw"?: string | string[];
  /** 8 bits, default 0 */
  "ptr"?: number | (number | Range)[] | Range;
  /** 8 bits, default 0 */
  "reserved"?: number | (number | Range)[] | Range;
  /** 8 bits, default 0 */
  "length"?: number | (number | Range)[] | Range;
  /** 4 bytes, default 0.0.0.0 */
  "addr_mask"?: string | string[];
  /** 16 bits, default 0 */
  "nexthopmtu"?: number | (number | Range)[] | Range;
  /** 16 bits, default 0 */
  "unused"?: number | (number | Range)[] | Range;
}

/** The fields of TCP(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface TCPFields {
  /** 16 bits, default ftp_data */
  "sport"?: (number | TCP_sport_Names) | ((number | TCP_sport_Names) | Range)[] | Range;
  /** 16 bits, default http */
  "dport"?: (number | TCP_sport_Names) | ((number | TCP_sport_Names) | Range)[] | Range;
  /** 32 bits, default 0 */
  "seq"?: number | (number | Range)[] | Range;
  /** 32 bits, default 0 */
  "ack"?: number | (number | Range)[] | Range;
  /** 4 bits, computed when not given */
  "dataofs"?: number | (number | Range)[] | Range | null;
  /** 3 bits, default 0 */
  "reserved"?: number | (number | Range)[] | Range;
  /** 9 bits, default S */
  "flags"?: (number | TCP_flags_Flags) | ((number | TCP_flags_Flags) | Range)[] | Range;
  /** 16 bits, default 8192 */
  "window"?: number | (number | Range)[] | Range;
  /** 16 bits, computed when not given */
  "chksum"?: number | (number | Range)[] | Range | null;
  /** 16 bits, default 0 */
  "urgptr"?: number | (number | Range)[] | Range;
  /** bytes, default [] */
  "options"?: ["EOL" | "NOP" | "MSS" | "WScale" | "SAckOK" | "SAck" | "Timestamp" | "AltChkSum" | "AltChkSumOpt" | "MD5" | "Mood" | "UTO" | "TFO" | number, unknown][];
}

/** The fields of TCPerror(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface TCPerrorFields {
  /** 16 bits, default ftp_data */
  "sport"?: (number | TCP_sport_Names) | ((number | TCP_sport_Names) | Range)[] | Range;
  /** 16 bits, default http */
  "dport"?: (number | TCP_sport_Names) | ((number | TCP_sport_Names) | Range)[] | Range;
  /** 32 bits, default 0 */
  "seq"?: number | (number | Range)[] | Range;
  /** 32 bits, default 0 */
  "ack"?: number | (number | Range)[] | Range;
  /** 4 bits, computed when not given */
  "dataofs"?: number | (number | Range)[] | Range | null;
  /** 3 bits, default 0 */
  "reserved"?: number | (number | Range)[] | Range;
  /** 9 bits, default S */
  "flags"?: (number | TCPerror_flags_Flags) | ((number | TCPerror_flags_Flags) | Range)[] | Range;
  /** 16 bits, default 8192 */
  "window"?: number | (number | Range)[] | Range;
  /** 16 bits, computed when not given */
  "chksum"?: number | (number | Range)[] | Range | null;
  /** 16 bits, default 0 */
  "urgptr"?: number | (number | Range)[] | Range;
  /** bytes, default [] */
  "options"?: ["EOL" | "NOP" | "MSS" | "WScale" | "SAckOK" | "SAck" | "Timestamp" | "AltChkSum" | "AltChkSumOpt" | "MD5" | "Mood" | "UTO" | "TFO" | number, unknown][];
}

/** The fields of UDP(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface UDPFields {
  /** 16 bits, default domain */
  "sport"?: (number | UDP_sport_Names) | ((number | UDP_sport_Names) | Range)[] | Range;
  /** 16 bits, default domain */
  "dport"?: (number | UDP_sport_Names) | ((number | UDP_sport_Names) | Range)[] | Range;
  /** 16 bits, computed when not given */
  "len"?: number | (number | Range)[] | Range | null;
  /** 16 bits, computed when not given */
  "chksum"?: number | (number | Range)[] | Range | null;
}

/** The fields of UDPerror(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface UDPerrorFields {
  /** 16 bits, default domain */
  "sport"?: (number | UDP_sport_Names) | ((number | UDP_sport_Names) | Range)[] | Range;
  /** 16 bits, default domain */
  "dport"?: (number | UDP_sport_Names) | ((number | UDP_sport_Names) | Range)[] | Range;
  /** 16 bits, computed when not given */
  "len"?: number | (number | Range)[] | Range | null;
  /** 16 bits, computed when not given */
  "chksum"?: number | (number | Range)[] | Range | null;
}

/** The fields of IPv6(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface IPv6Fields {
  /** 4 bits, default 6 */
  "version"?: number | (number | Range)[] | Range;
  /** 8 bits, default 0 */
  "tc"?: number | (number | Range)[] | Range;
  /** 20 bits, default 0 */
  "fl"?: number | (number | Range)[] | Range;
  /** 16 bits, computed when not given */
  "plen"?: number | (number | Range)[] | Range | null;
  /** 8 bits, default No Next Header */
  "nh"?: (number | IPv6_nh_Names) | ((number | IPv6_nh_Names) | Range)[] | Range;
  /** 8 bits, default 64 */
  "hlim"?: number | (number | Range)[] | Range;
  /** 16 bytes, default :: */
  "src"?: string | string[];
  /** 16 bytes, default ::1 */
  "dst"?: string | string[];
}

/** The fields of IPerror6(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface IPerror6Fields {
  /** 4 bits, default 6 */
  "version"?: number | (number | Range)[] | Range;
  /** 8 bits, default 0 */
  "tc"?: number | (number | Range)[] | Range;
  /** 20 bits, default 0 */
  "fl"?: number | (number | Range)[] | Range;
  /** 16 bits, computed when not given */
  "plen"?: number | (number | Range)[] | Range | null;
  /** 8 bits, default No Next Header */
  "nh"?: (number | IPv6_nh_Names) | ((number | IPv6_nh_Names) | Range)[] | Range;
  /** 8 bits, default 64 */
  "hlim"?: number | (number | Range)[] | Range;
  /** 16 bytes, default :: */
  "src"?: string | string[];
  /** 16 bytes, default ::1 */
  "dst"?: string | string[];
}

/** The fields of ICMPv6DestUnreach(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface ICMPv6DestUnreachFields {
  /** 8 bits, default Destination unreachable */
  "type"?: (number | ICMPv6DestUnreach_type_Names) | ((number | ICMPv6DestUnreach_type_Names) | Range)[] | Range;
  /** 8 bits, default No route to destination */
  "code"?: (number | ICMPv6DestUnreach_code_Names) | ((number | ICMPv6DestUnreach_code_Names) | Range)[] | Range;
  /** 16 bits, computed when not given */
  "cksum"?: number | (number | Range)[] | Range | null;
  /** 8 bits, default 0 */
  "length"?: number | (number | Range)[] | Range;
  /** 24 bits, default 0 */
  "unused"?: number | (number | Range)[] | Range;
}

/** The fields of ICMPv6PacketTooBig(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface ICMPv6PacketTooBigFields {
  /** 8 bits, default Packet too big */
  "type"?: (number | ICMPv6DestUnreach_type_Names) | ((number | ICMPv6DestUnreach_type_Names) | Range)[] | Range;
  /** 8 bits, default 0 */
  "code"?: number | (number | Range)[] | Range;
  /** 16 bits, computed when not given */
  "cksum"?: number | (number | Range)[] | Range | null;
  /** 32 bits, default 1280 */
  "mtu"?: number | (number | Range)[] | Range;
}

/** The fields of ICMPv6TimeExceeded(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface ICMPv6TimeExceededFields {
  /** 8 bits, default Time exceeded */
  "type"?: (number | ICMPv6DestUnreach_type_Names) | ((number | ICMPv6DestUnreach_type_Names) | Range)[] | Range;
  /** 8 bits, default hop limit exceeded in transit */
  "code"?: (number | ICMPv6TimeExceeded_code_Names) | ((number | ICMPv6TimeExceeded_code_Names) | Range)[] | Range;
  /** 16 bits, computed when not given */
  "cksum"?: number | (number | Range)[] | Range | null;
  /** 8 bits, default 0 */
  "length"?: number | (number | Range)[] | Range;
  /** 24 bits, default 0 */
  "unused"?: number | (number | Range)[] | Range;
}

/** The fields of ICMPv6ParamProblem(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface ICMPv6ParamProblemFields {
  /** 8 bits, default Parameter problem */
  "type"?: (number | ICMPv6DestUnreach_type_Names) | ((number | ICMPv6DestUnreach_type_Names) | Range)[] | Range;
  /** 8 bits, default erroneous header field encountered */
  "code"?: (number | ICMPv6ParamProblem_code_Names) | ((number | ICMPv6ParamProblem_code_Names) | Range)[] | Range;
  /** 16 bits, computed when not given */
  "cksum"?: number | (number | Range)[] | Range | null;
  /** 32 bits, default 6 */
  "ptr"?: number | (number | Range)[] | Range;
}

/** The fields of ICMPv6EchoRequest(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface ICMPv6EchoRequestFields {
  /** 8 bits, default Echo Request */
  "type"?: (number | ICMPv6DestUnreach_type_Names) | ((number | ICMPv6DestUnreach_type_Names) | Range)[] | Range;
  /** 8 bits, default 0 */
  "code"?: number | (number | Range)[] | Range;
  /** 16 bits, computed when not given */
  "cksum"?: number | (number | Range)[] | Range | null;
  /** 16 bits, default 0 */
  "id"?: number | (number | Range)[] | Range;
  /** 16 bits, default 0 */
  "seq"?: number | (number | Range)[] | Range;
  /** bytes, default b'' */
  "data"?: Buffer | string | (Buffer | string)[];
}

/** The fields of ICMPv6EchoReply(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface ICMPv6EchoReplyFields {
  /** 8 bits, default Echo Reply */
  "type"?: (number | ICMPv6DestUnreach_type_Names) | ((number | ICMPv6DestUnreach_type_Names) | Range)[] | Range;
  /** 8 bits, default 0 */
  "code"?: number | (number | Range)[] | Range;
  /** 16 bits, computed when not given */
  "cksum"?: number | (number | Range)[] | Range | null;
  /** 16 bits, default 0 */
  "id"?: number | (number | Range)[] | Range;
  /** 16 bits, default 0 */
  "seq"?: number | (number | Range)[] | Range;
  /** bytes, default b'' */
  "data"?: Buffer | string | (Buffer | string)[];
}

/** The fields of ICMPv6ND_RS(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface ICMPv6ND_RSFields {
  /** 8 bits, default Router Solicitation */
  "type"?: (number | ICMPv6DestUnreach_type_Names) | ((number | ICMPv6DestUnreach_type_Names) | Range)[] | Range;
  /** 8 bits, default 0 */
  "code"?: number | (number | Range)[] | Range;
  /** 16 bits, computed when not given */
  "cksum"?: number | (number | Range)[] | Range | null;
  /** 32 bits, default 0 */
  "res"?: number | (number | Range)[] | Range;
}

/** The fields of ICMPv6ND_RA(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface ICMPv6ND_RAFields {
  /** 8 bits, default Router Advertisement */
  "type"?: (number | ICMPv6DestUnreach_type_Names) | ((number | ICMPv6DestUnreach_type_Names) | Range)[] | Range;
  /** 8 bits, default 0 */
  "code"?: number | (number | Range)[] | Range;
  /** 16 bits, computed when not given */
  "cksum"?: number | (number | Range)[] | Range | null;
  /** 8 bits, default 0 */
  "chlim"?: number | (number | Range)[] | Range;
  /** 1 bits, default 0 */
  "M"?: number | (number | Range)[] | Range;
  /** 1 bits, default 0 */
  "O"?: number | (number | Range)[] | Range;
  /** 1 bits, default 0 */
  "H"?: number | (number | Range)[] | Range;
  /** 2 bits, default High */
  "prf"?: (number | ICMPv6ND_RA_prf_Names) | ((number | ICMPv6ND_RA_prf_Names) | Range)[] | Range;
  /** 1 bits, default 0 */
  "P"?: number | (number | Range)[] | Range;
  /** 2 bits, default 0 */
  "res"?: number | (number | Range)[] | Range;
  /** 16 bits, default 1800 */
  "routerlifetime"?: number | (number | Range)[] | Range;
  /** 32 bits, default 0 */
  "reachabletime"?: number | (number | Range)[] | Range;
  /** 32 bits, default 0 */
  "retranstimer"?: number | (number | Range)[] | Range;
}

/** The fields of ICMPv6ND_NS(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface ICMPv6ND_NSFields {
  /** 8 bits, default Neighbor Solicitation */
  "type"?: (number | ICMPv6DestUnreach_type_Names) | ((number | ICMPv6DestUnreach_type_Names) | Range)[] | Range;
  /** 8 bits, default 0 */
  "code"?: number | (number | Range)[] | Range;
  /** 16 bits, computed when not given */
  "cksum"?: number | (number | Range)[] | Range | null;
  /** 32 bits, default 0 */
  "res"?: number | (number | Range)[] | Range;
  /** 16 bytes, default :: */
  "tgt"?: string | string[];
}

/** The fields of ICMPv6ND_NA(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface ICMPv6ND_NAFields {
  /** 8 bits, default Neighbor Advertisement */
  "type"?: (number | ICMPv6DestUnreach_type_Names) | ((number | ICMPv6DestUnreach_type_Names) | Range)[] | Range;
  /** 8 bits, default 0 */
  "code"?: number | (number | Range)[] | Range;
  /** 16 bits, computed when not given */
  "cksum"?: number | (number | Range)[] | Range | null;
  /** 1 bits, default 1 */
  "R"?: number | (number | Range)[] | Range;
  /** 1 bits, default 0 */
  "S"?: number | (number | Range)[] | Range;
  /** 1 bits, default 1 */
  "O"?: number | (number | Range)[] | Range;
  /** 29 bits, default 0 */
  "res"?: number | (number | Range)[] | Range;
  /** 16 bytes, default :: */
  "tgt"?: string | string[];
}

/** The fields of ICMPv6Unknown(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface ICMPv6UnknownFields {
  /** 8 bits, default Destination unreachable */
  "type"?: (number | ICMPv6DestUnreach_type_Names) | ((number | ICMPv6DestUnreach_type_Names) | Range)[] | Range;
  /** 8 bits, default 0 */
  "code"?: number | (number | Range)[] | Range;
  /** 16 bits, computed when not given */
  "cksum"?: number | (number | Range)[] | Range | null;
  /** bytes, default b'' */
  "msgbody"?: Buffer | string | (Buffer | string)[];
}

/** The fields of ICMPv6NDOptSrcLLAddr(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface ICMPv6NDOptSrcLLAddrFields {
  /** 8 bits, default 1 */
  "type"?: number | (number | Range)[] | Range;
  /** 8 bits, default 1 */
  "len"?: number | (number | Range)[] | Range;
  /** 6 bytes, default 00:00:00:00:00:00 */
  "lladdr"?: string | string[];
}

/** The fields of ICMPv6NDOptDstLLAddr(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface ICMPv6NDOptDstLLAddrFields {
  /** 8 bits, default 2 */
  "type"?: number | (number | Range)[] | Range;
  /** 8 bits, default 1 */
  "len"?: number | (number | Range)[] | Range;
  /** 6 bytes, default 00:00:00:00:00:00 */
  "lladdr"?: string | string[];
}

/** The fields of ICMPv6NDOptPrefixInfo(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface ICMPv6NDOptPrefixInfoFields {
  /** 8 bits, default 3 */
  "type"?: number | (number | Range)[] | Range;
  /** 8 bits, default 4 */
  "len"?: number | (number | Range)[] | Range;
  /** 8 bits, default 64 */
  "prefixlen"?: number | (number | Range)[] | Range;
  /** 1 bits, default 1 */
  "L"?: number | (number | Range)[] | Range;
  /** 1 bits, default 1 */
  "A"?: number | (number | Range)[] | Range;
  /** 1 bits, default 0 */
  "R"?: number | (number | Range)[] | Range;
  /** 5 bits, default 0 */
  "res1"?: number | (number | Range)[] | Range;
  /** 32 bits, default 4294967295 */
  "validlifetime"?: number | (number | Range)[] | Range;
  /** 32 bits, default 4294967295 */
  "preferredlifetime"?: number | (number | Range)[] | Range;
  /** 32 bits, default 0 */
  "res2"?: number | (number | Range)[] | Range;
  /** 16 bytes, default :: */
  "prefix"?: string | string[];
}

/** The fields of ICMPv6NDOptMTU(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface ICMPv6NDOptMTUFields {
  /** 8 bits, default 5 */
  "type"?: number | (number | Range)[] | Range;
  /** 8 bits, default 1 */
  "len"?: number | (number | Range)[] | Range;
  /** 16 bits, default 0 */
  "res"?: number | (number | Range)[] | Range;
  /** 32 bits, default 1280 */
  "mtu"?: number | (number | Range)[] | Range;
}

/** The fields of DNSRRMX(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface DNSRRMXFields {
  /** bytes, default b'.' */
  "rrname"?: string | Buffer | (string | Buffer)[];
  /** 16 bits, default SOA */
  "type"?: (number | DNSRRMX_type_Names) | ((number | DNSRRMX_type_Names) | Range)[] | Range;
  /** 16 bits, default IN */
  "rclass"?: (number | DNSRRMX_rclass_Names) | ((number | DNSRRMX_rclass_Names) | Range)[] | Range;
  /** 32 bits, default 0 */
  "ttl"?: number | (number | Range)[] | Range;
  /** 16 bits, computed when not given */
  "rdlen"?: number | (number | Range)[] | Range | null;
  /** 16 bits, default 0 */
  "preference"?: number | (number | Range)[] | Range;
  /** bytes, default b'.' */
  "exchange"?: string | Buffer | (string | Buffer)[];
}

/** The fields of DNSRRSOA(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface DNSRRSOAFields {
  /** bytes, default b'.' */
  "rrname"?: string | Buffer | (string | Buffer)[];
  /** 16 bits, default SOA */
  "type"?: (number | DNSRRMX_type_Names) | ((number | DNSRRMX_type_Names) | Range)[] | Range;
  /** 16 bits, default IN */
  "rclass"?: (number | DNSRRMX_rclass_Names) | ((number | DNSRRMX_rclass_Names) | Range)[] | Range;
  /** 32 bits, default 0 */
  "ttl"?: number | (number | Range)[] | Range;
  /** 16 bits, computed when not given */
  "rdlen"?: number | (number | Range)[] | Range | null;
  /** bytes, default b'.' */
  "mname"?: string | Buffer | (string | Buffer)[];
  /** bytes, default b'.' */
  "rname"?: string | Buffer | (string | Buffer)[];
  /** 32 bits, default 0 */
  "serial"?: number | (number | Range)[] | Range;
  /** 32 bits, default 0 */
  "refresh"?: number | (number | Range)[] | Range;
  /** 32 bits, default 0 */
  "retry"?: number | (number | Range)[] | Range;
  /** 32 bits, default 0 */
  "expire"?: number | (number | Range)[] | Range;
  /** 32 bits, default 0 */
  "minimum"?: number | (number | Range)[] | Range;
}

/** The fields of DNSRRSRV(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface DNSRRSRVFields {
  /** bytes, default b'.' */
  "rrname"?: string | Buffer | (string | Buffer)[];
  /** 16 bits, default SRV */
  "type"?: (number | DNSRRMX_type_Names) | ((number | DNSRRMX_type_Names) | Range)[] | Range;
  /** 16 bits, default IN */
  "rclass"?: (number | DNSRRMX_rclass_Names) | ((number | DNSRRMX_rclass_Names) | Range)[] | Range;
  /** 32 bits, default 0 */
  "ttl"?: number | (number | Range)[] | Range;
  /** 16 bits, computed when not given */
  "rdlen"?: number | (number | Range)[] | Range | null;
  /** 16 bits, default 0 */
  "priority"?: number | (number | Range)[] | Range;
  /** 16 bits, default 0 */
  "weight"?: number | (number | Range)[] | Range;
  /** 16 bits, default 0 */
  "port"?: number | (number | Range)[] | Range;
  /** bytes, default b'.' */
  "target"?: string | Buffer | (string | Buffer)[];
}

/** The fields of EDNS0TLV(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface EDNS0TLVFields {
  /** 16 bits, default Reserved */
  "optcode"?: (number | EDNS0TLV_optcode_Names) | ((number | EDNS0TLV_optcode_Names) | Range)[] | Range;
  /** 16 bits, computed when not given */
  "optlen"?: number | (number | Range)[] | Range | null;
  /** bytes, default '' */
  "optdata"?: Buffer | string | (Buffer | string)[];
}

/** The fields of DNSRROPT(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface DNSRROPTFields {
  /** bytes, default b'.' */
  "rrname"?: string | Buffer | (string | Buffer)[];
  /** 16 bits, default OPT */
  "type"?: (number | DNSRRMX_type_Names) | ((number | DNSRRMX_type_Names) | Range)[] | Range;
  /** 16 bits, default 4096 */
  "rclass"?: number | (number | Range)[] | Range;
  /** 8 bits, default 0 */
  "extrcode"?: number | (number | Range)[] | Range;
  /** 8 bits, default 0 */
  "version"?: number | (number | Range)[] | Range;
  /** 16 bits, default D0 */
  "z"?: (number | DNSRROPT_z_Names) | ((number | DNSRROPT_z_Names) | Range)[] | Range;
  /** 16 bits, computed when not given */
  "rdlen"?: number | (number | Range)[] | Range | null;
  /** bytes, default [] */
  "rdata"?: PacketSpec<"EDNS0TLV"> | PacketSpec<"EDNS0TLV">[];
}

/** The fields of DNSQR(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface DNSQRFields {
  /** bytes, default b'www.example.com.' */
  "qname"?: string | Buffer | (string | Buffer)[];
  /** 16 bits, default A */
  "qtype"?: (number | DNSQR_qtype_Names) | ((number | DNSQR_qtype_Names) | Range)[] | Range;
  /** 16 bits, default IN */
  "qclass"?: (number | DNSRRMX_rclass_Names) | ((number | DNSRRMX_rclass_Names) | Range)[] | Range;
}

/** The fields of DNSRR(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface DNSRRFields {
  /** bytes, default b'.' */
  "rrname"?: string | Buffer | (string | Buffer)[];
  /** 16 bits, default A */
  "type"?: (number | DNSRRMX_type_Names) | ((number | DNSRRMX_type_Names) | Range)[] | Range;
  /** 16 bits, default IN */
  "rclass"?: (number | DNSRRMX_rclass_Names) | ((number | DNSRRMX_rclass_Names) | Range)[] | Range;
  /** 32 bits, default 0 */
  "ttl"?: number | (number | Range)[] | Range;
  /** 16 bits, computed when not given */
  "rdlen"?: number | (number | Range)[] | Range | null;
  /** bytes, default none */
  "rdata"?: string | Buffer | (string | Buffer)[];
}

/** The fields of DNS(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface DNSFields {
  /** 16 bits, computed when not given */
  "length"?: number | (number | Range)[] | Range | null;
  /** 16 bits, default 0 */
  "id"?: number | (number | Range)[] | Range;
  /** 1 bits, default 0 */
  "qr"?: number | (number | Range)[] | Range;
  /** 4 bits, default QUERY */
  "opcode"?: (number | DNS_opcode_Names) | ((number | DNS_opcode_Names) | Range)[] | Range;
  /** 1 bits, default 0 */
  "aa"?: number | (number | Range)[] | Range;
  /** 1 bits, default 0 */
  "tc"?: number | (number | Range)[] | Range;
  /** 1 bits, default 1 */
  "rd"?: number | (number | Range)[] | Range;
  /** 1 bits, default 0 */
  "ra"?: number | (number | Range)[] | Range;
  /** 1 bits, default 0 */
  "z"?: number | (number | Range)[] | Range;
  /** 1 bits, default 0 */
  "ad"?: number | (number | Range)[] | Range;
  /** 1 bits, default 0 */
  "cd"?: number | (number | Range)[] | Range;
  /** 4 bits, default ok */
  "rcode"?: (number | DNS_rcode_Names) | ((number | DNS_rcode_Names) | Range)[] | Range;
  /** 16 bits, computed when not given */
  "qdcount"?: number | (number | Range)[] | Range | null;
  /** 16 bits, computed when not given */
  "ancount"?: number | (number | Range)[] | Range | null;
  /** 16 bits, computed when not given */
  "nscount"?: number | (number | Range)[] | Range | null;
  /** 16 bits, computed when not given */
  "arcount"?: number | (number | Range)[] | Range | null;
  /** bytes, default [DNSQR] */
  "qd"?: PacketSpec<"DNSQR"> | PacketSpec<"DNSQR">[];
  /** bytes, default [] */
  "an"?: PacketSpec<"DNSRR" | "DNSRRSOA" | "DNSRRMX" | "DNSRRSRV" | "DNSRROPT"> | PacketSpec<"DNSRR" | "DNSRRSOA" | "DNSRRMX" | "DNSRRSRV" | "DNSRROPT">[];
  /** bytes, default [] */
  "ns"?: PacketSpec<"DNSRR" | "DNSRRSOA" | "DNSRRMX" | "DNSRRSRV" | "DNSRROPT"> | PacketSpec<"DNSRR" | "DNSRRSOA" | "DNSRRMX" | "DNSRRSRV" | "DNSRROPT">[];
  /** bytes, default [] */
  "ar"?: PacketSpec<"DNSRR" | "DNSRRSOA" | "DNSRRMX" | "DNSRRSRV" | "DNSRROPT"> | PacketSpec<"DNSRR" | "DNSRRSOA" | "DNSRRMX" | "DNSRRSRV" | "DNSRROPT">[];
}

/** The fields of BOOTP(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface BOOTPFields {
  /** 8 bits, default BOOTREQUEST */
  "op"?: (number | BOOTP_op_Names) | ((number | BOOTP_op_Names) | Range)[] | Range;
  /** 8 bits, default Ethernet (10Mb) */
  "htype"?: (number | ARP_hwtype_Names) | ((number | ARP_hwtype_Names) | Range)[] | Range;
  /** 8 bits, default 6 */
  "hlen"?: number | (number | Range)[] | Range;
  /** 8 bits, default 0 */
  "hops"?: number | (number | Range)[] | Range;
  /** 32 bits, default 0x0 */
  "xid"?: number | (number | Range)[] | Range;
  /** 16 bits, default 0 */
  "secs"?: number | (number | Range)[] | Range;
  /** 16 bits, default  */
  "flags"?: (number | BOOTP_flags_Flags) | ((number | BOOTP_flags_Flags) | Range)[] | Range;
  /** 4 bytes, default 0.0.0.0 */
  "ciaddr"?: string | string[];
  /** 4 bytes, default 0.0.0.0 */
  "yiaddr"?: string | string[];
  /** 4 bytes, default 0.0.0.0 */
  "siaddr"?: string | string[];
  /** 4 bytes, default 0.0.0.0 */
  "giaddr"?: string | string[];
  /** bytes, default b'' */
  "chaddr"?: Buffer | string | (Buffer | string)[];
  /** bytes, default b'' */
  "sname"?: Buffer | string | (Buffer | string)[];
  /** bytes, default b'' */
  "file"?: Buffer | string | (Buffer | string)[];
  /** bytes, default b'' */
  "options"?: Buffer | string | (Buffer | string)[];
}

/** The fields of DHCP(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface DHCPFields {
  /** bytes, default [] */
  "options"?: unknown[];
}

/** The fields of DUID_LLT(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface DUID_LLTFields {
  /** 16 bits, default Link-layer address plus time */
  "type"?: (number | DUID_LLT_type_Names) | ((number | DUID_LLT_type_Names) | Range)[] | Range;
  /** 16 bits, default Ethernet (10Mb) */
  "hwtype"?: (number | DUID_LLT_hwtype_Names) | ((number | DUID_LLT_hwtype_Names) | Range)[] | Range;
  /** 32 bits, default Sat, 01 Jan 2000 00:00:00 +0000 (946684800) */
  "timeval"?: number | (number | Range)[] | Range;
  /** 6 bytes, default 00:00:00:00:00:00 */
  "lladdr"?: string | string[];
}

/** The fields of DUID_EN(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface DUID_ENFields {
  /** 16 bits, default Vendor-assigned unique ID based on Enterprise Number */
  "type"?: (number | DUID_LLT_type_Names) | ((number | DUID_LLT_type_Names) | Range)[] | Range;
  /** 32 bits, default Microsoft */
  "enterprisenum"?: (number | DUID_EN_enterprisenum_Names) | ((number | DUID_EN_enterprisenum_Names) | Range)[] | Range;
  /** bytes, default b'' */
  "id"?: Buffer | string | (Buffer | string)[];
}

/** The fields of DUID_LL(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface DUID_LLFields {
  /** 16 bits, default Link-layer Address */
  "type"?: (number | DUID_LLT_type_Names) | ((number | DUID_LLT_type_Names) | Range)[] | Range;
  /** 16 bits, default Ethernet (10Mb) */
  "hwtype"?: (number | DUID_LLT_hwtype_Names) | ((number | DUID_LLT_hwtype_Names) | Range)[] | Range;
  /** 6 bytes, default 00:00:00:00:00:00 */
  "lladdr"?: string | string[];
}

/** The fields of DUID_UUID(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface DUID_UUIDFields {
  /** 16 bits, default UUID */
  "type"?: (number | DUID_LLT_type_Names) | ((number | DUID_LLT_type_Names) | Range)[] | Range;
  /** 16 bytes, default None */
  "uuid"?: string | string[];
}

/** The fields of DHCP6OptUnknown(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface DHCP6OptUnknownFields {
  /** 16 bits, default 0 */
  "optcode"?: (number | DHCP6OptUnknown_optcode_Names) | ((number | DHCP6OptUnknown_optcode_Names) | Range)[] | Range;
  /** 16 bits, computed when not given */
  "optlen"?: number | (number | Range)[] | Range | null;
  /** bytes, default '' */
  "data"?: Buffer | string | (Buffer | string)[];
}

/** The fields of DHCP6OptClientId(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface DHCP6OptClientIdFields {
  /** 16 bits, default CLIENTID */
  "optcode"?: (number | DHCP6OptUnknown_optcode_Names) | ((number | DHCP6OptUnknown_optcode_Names) | Range)[] | Range;
  /** 16 bits, computed when not given */
  "optlen"?: number | (number | Range)[] | Range | null;
  /** bytes, default None */
  "duid"?: unknown;
}

/** The fields of DHCP6OptServerId(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface DHCP6OptServerIdFields {
  /** 16 bits, default SERVERID */
  "optcode"?: (number | DHCP6OptUnknown_optcode_Names) | ((number | DHCP6OptUnknown_optcode_Names) | Range)[] | Range;
  /** 16 bits, computed when not given */
  "optlen"?: number | (number | Range)[] | Range | null;
  /** bytes, default None */
  "duid"?: unknown;
}

/** The fields of DHCP6OptIA_NA(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface DHCP6OptIA_NAFields {
  /** 16 bits, default IA_NA */
  "optcode"?: (number | DHCP6OptUnknown_optcode_Names) | ((number | DHCP6OptUnknown_optcode_Names) | Range)[] | Range;
  /** 16 bits, computed when not given */
  "optlen"?: number | (number | Range)[] | Range | null;
  /** 32 bits, default none */
  "iaid"?: number | (number | Range)[] | Range;
  /** 32 bits, default none */
  "T1"?: number | (number | Range)[] | Range;
  /** 32 bits, default none */
  "T2"?: number | (number | Range)[] | Range;
  /** bytes, default [] */
  "ianaopts"?: PacketSpec<"Raw" | "DHCP6OptUnknown" | "DHCP6OptClientId" | "DHCP6OptServerId" | "DHCP6OptIA_NA" | "DHCP6OptIA_TA" | "DHCP6OptIAAddress" | "DHCP6OptOptReq" | "DHCP6OptPref" | "DHCP6OptElapsedTime" | "DHCP6OptStatusCode" | "DHCP6OptRapidCommit" | "DHCP6OptIfaceId" | "DHCP6OptDNSServers" | "DHCP6OptDNSDomains" | "DHCP6OptIA_PD" | "DHCP6OptIAPrefix" | "DHCP6OptRelayMsg"> | PacketSpec<"Raw" | "DHCP6OptUnknown" | "DHCP6OptClientId" | "DHCP6OptServerId" | "DHCP6OptIA_NA" | "DHCP6OptIA_TA" | "DHCP6OptIAAddress" | "DHCP6OptOptReq" | "DHCP6OptPref" | "DHCP6OptElapsedTime" | "DHCP6OptStatusCode" | "DHCP6OptRapidCommit" | "DHCP6OptIfaceId" | "DHCP6OptDNSServers" | "DHCP6OptDNSDomains" | "DHCP6OptIA_PD" | "DHCP6OptIAPrefix" | "DHCP6OptRelayMsg">[];
}

/** The fields of DHCP6OptIA_TA(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface DHCP6OptIA_TAFields {
  /** 16 bits, default IA_TA */
  "optcode"?: (number | DHCP6OptUnknown_optcode_Names) | ((number | DHCP6OptUnknown_optcode_Names) | Range)[] | Range;
  /** 16 bits, computed when not given */
  "optlen"?: number | (number | Range)[] | Range | null;
  /** 32 bits, default none */
  "iaid"?: number | (number | Range)[] | Range;
  /** bytes, default [] */
  "iataopts"?: PacketSpec<"Raw" | "DHCP6OptUnknown" | "DHCP6OptClientId" | "DHCP6OptServerId" | "DHCP6OptIA_NA" | "DHCP6OptIA_TA" | "DHCP6OptIAAddress" | "DHCP6OptOptReq" | "DHCP6OptPref" | "DHCP6OptElapsedTime" | "DHCP6OptStatusCode" | "DHCP6OptRapidCommit" | "DHCP6OptIfaceId" | "DHCP6OptDNSServers" | "DHCP6OptDNSDomains" | "DHCP6OptIA_PD" | "DHCP6OptIAPrefix" | "DHCP6OptRelayMsg"> | PacketSpec<"Raw" | "DHCP6OptUnknown" | "DHCP6OptClientId" | "DHCP6OptServerId" | "DHCP6OptIA_NA" | "DHCP6OptIA_TA" | "DHCP6OptIAAddress" | "DHCP6OptOptReq" | "DHCP6OptPref" | "DHCP6OptElapsedTime" | "DHCP6OptStatusCode" | "DHCP6OptRapidCommit" | "DHCP6OptIfaceId" | "DHCP6OptDNSServers" | "DHCP6OptDNSDomains" | "DHCP6OptIA_PD" | "DHCP6OptIAPrefix" | "DHCP6OptRelayMsg">[];
}

/** The fields of DHCP6OptIAAddress(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface DHCP6OptIAAddressFields {
  /** 16 bits, default IAADDR */
  "optcode"?: (number | DHCP6OptUnknown_optcode_Names) | ((number | DHCP6OptUnknown_optcode_Names) | Range)[] | Range;
  /** 16 bits, computed when not given */
  "optlen"?: number | (number | Range)[] | Range | null;
  /** 16 bytes, default :: */
  "addr"?: string | string[];
  /** 32 bits, default 0 */
  "preflft"?: (number | DHCP6OptIAAddress_preflft_Names) | ((number | DHCP6OptIAAddress_preflft_Names) | Range)[] | Range;
  /** 32 bits, default 0 */
  "validlft"?: (number | DHCP6OptIAAddress_preflft_Names) | ((number | DHCP6OptIAAddress_preflft_Names) | Range)[] | Range;
  /** bytes, default [] */
  "iaaddropts"?: PacketSpec<"Raw" | "DHCP6OptUnknown" | "DHCP6OptClientId" | "DHCP6OptServerId" | "DHCP6OptIA_NA" | "DHCP6OptIA_TA" | "DHCP6OptIAAddress" | "DHCP6OptOptReq" | "DHCP6OptPref" | "DHCP6OptElapsedTime" | "DHCP6OptStatusCode" | "DHCP6OptRapidCommit" | "DHCP6OptIfaceId" | "DHCP6OptDNSServers" | "DHCP6OptDNSDomains" | "DHCP6OptIA_PD" | "DHCP6OptIAPrefix" | "DHCP6OptRelayMsg"> | PacketSpec<"Raw" | "DHCP6OptUnknown" | "DHCP6OptClientId" | "DHCP6OptServerId" | "DHCP6OptIA_NA" | "DHCP6OptIA_TA" | "DHCP6OptIAAddress" | "DHCP6OptOptReq" | "DHCP6OptPref" | "DHCP6OptElapsedTime" | "DHCP6OptStatusCode" | "DHCP6OptRapidCommit" | "DHCP6OptIfaceId" | "DHCP6OptDNSServers" | "DHCP6OptDNSDomains" | "DHCP6OptIA_PD" | "DHCP6OptIAPrefix" | "DHCP6OptRelayMsg">[];
}

/** The fields of DHCP6OptOptReq(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface DHCP6OptOptReqFields {
  /** 16 bits, default ORO */
  "optcode"?: (number | DHCP6OptUnknown_optcode_Names) | ((number | DHCP6OptUnknown_optcode_Names) | Range)[] | Range;
  /** 16 bits, computed when not given */
  "optlen"?: number | (number | Range)[] | Range | null;
  /** bytes, default [DNS Recursive Name Server Option, Domain Search List option] */
  "reqopts"?: number[];
}

/** The fields of DHCP6OptPref(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface DHCP6OptPrefFields {
  /** 16 bits, default PREFERENCE */
  "optcode"?: (number | DHCP6OptUnknown_optcode_Names) | ((number | DHCP6OptUnknown_optcode_Names) | Range)[] | Range;
  /** 16 bits, default 1 */
  "optlen"?: number | (number | Range)[] | Range;
  /** 8 bits, default 255 */
  "prefval"?: number | (number | Range)[] | Range;
}

/** The fields of DHCP6OptElapsedTime(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface DHCP6OptElapsedTimeFields {
  /** 16 bits, default ELAPSED_TIME */
  "optcode"?: (number | DHCP6OptUnknown_optcode_Names) | ((number | DHCP6OptUnknown_optcode_Names) | Range)[] | Range;
  /** 16 bits, default 2 */
  "optlen"?: number | (number | Range)[] | Range;
  /** 16 bits, default 0.00 sec */
  "elapsedtime"?: number | (number | Range)[] | Range;
}

/** The fields of DHCP6OptStatusCode(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface DHCP6OptStatusCodeFields {
  /** 16 bits, default STATUS_CODE */
  "optcode"?: (number | DHCP6OptUnknown_optcode_Names) | ((number | DHCP6OptUnknown_optcode_Names) | Range)[] | Range;
  /** 16 bits, computed when not given */
  "optlen"?: number | (number | Range)[] | Range | null;
  /** 16 bits, default none */
  "statuscode"?: (number | DHCP6OptStatusCode_statuscode_Names) | ((number | DHCP6OptStatusCode_statuscode_Names) | Range)[] | Range;
  /** bytes, default '' */
  "statusmsg"?: Buffer | string | (Buffer | string)[];
}

/** The fields of DHCP6OptRapidCommit(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface DHCP6OptRapidCommitFields {
  /** 16 bits, default RAPID_COMMIT */
  "optcode"?: (number | DHCP6OptUnknown_optcode_Names) | ((number | DHCP6OptUnknown_optcode_Names) | Range)[] | Range;
  /** 16 bits, default 0 */
  "optlen"?: number | (number | Range)[] | Range;
}

/** The fields of DHCP6OptIfaceId(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface DHCP6OptIfaceIdFields {
  /** 16 bits, default INTERFACE_ID */
  "optcode"?: (number | DHCP6OptUnknown_optcode_Names) | ((number | DHCP6OptUnknown_optcode_Names) | Range)[] | Range;
  /** 16 bits, computed when not given */
  "optlen"?: number | (number | Range)[] | Range | null;
  /** bytes, default '' */
  "ifaceid"?: Buffer | string | (Buffer | string)[];
}

/** The fields of DHCP6OptDNSServers(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface DHCP6OptDNSServersFields {
  /** 16 bits, default DNS Recursive Name Server Option */
  "optcode"?: (number | DHCP6OptUnknown_optcode_Names) | ((number | DHCP6OptUnknown_optcode_Names) | Range)[] | Range;
  /** 16 bits, computed when not given */
  "optlen"?: number | (number | Range)[] | Range | null;
  /** bytes, default [  ] */
  "dnsservers"?: unknown[];
}

/** The fields of DHCP6OptDNSDomains(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface DHCP6OptDNSDomainsFields {
  /** 16 bits, default Domain Search List option */
  "optcode"?: (number | DHCP6OptUnknown_optcode_Names) | ((number | DHCP6OptUnknown_optcode_Names) | Range)[] | Range;
  /** 16 bits, computed when not given */
  "optlen"?: number | (number | Range)[] | Range | null;
  /** bytes, default [] */
  "dnsdomains"?: unknown[];
}

/** The fields of DHCP6OptIA_PD(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface DHCP6OptIA_PDFields {
  /** 16 bits, default OPTION_IA_PD */
  "optcode"?: (number | DHCP6OptUnknown_optcode_Names) | ((number | DHCP6OptUnknown_optcode_Names) | Range)[] | Range;
  /** 16 bits, computed when not given */
  "optlen"?: number | (number | Range)[] | Range | null;
  /** 32 bits, default none */
  "iaid"?: number | (number | Range)[] | Range;
  /** 32 bits, default none */
  "T1"?: number | (number | Range)[] | Range;
  /** 32 bits, default none */
  "T2"?: number | (number | Range)[] | Range;
  /** bytes, default [] */
  "iapdopt"?: PacketSpec<"Raw" | "DHCP6OptUnknown" | "DHCP6OptClientId" | "DHCP6OptServerId" | "DHCP6OptIA_NA" | "DHCP6OptIA_TA" | "DHCP6OptIAAddress" | "DHCP6OptOptReq" | "DHCP6OptPref" | "DHCP6OptElapsedTime" | "DHCP6OptStatusCode" | "DHCP6OptRapidCommit" | "DHCP6OptIfaceId" | "DHCP6OptDNSServers" | "DHCP6OptDNSDomains" | "DHCP6OptIA_PD" | "DHCP6OptIAPrefix" | "DHCP6OptRelayMsg"> | PacketSpec<"Raw" | "DHCP6OptUnknown" | "DHCP6OptClientId" | "DHCP6OptServerId" | "DHCP6OptIA_NA" | "DHCP6OptIA_TA" | "DHCP6OptIAAddress" | "DHCP6OptOptReq" | "DHCP6OptPref" | "DHCP6OptElapsedTime" | "DHCP6OptStatusCode" | "DHCP6OptRapidCommit" | "DHCP6OptIfaceId" | "DHCP6OptDNSServers" | "DHCP6OptDNSDomains" | "DHCP6OptIA_PD" | "DHCP6OptIAPrefix" | "DHCP6OptRelayMsg">[];
}

/** The fields of DHCP6OptIAPrefix(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface DHCP6OptIAPrefixFields {
  /** 16 bits, default OPTION_IAPREFIX */
  "optcode"?: (number | DHCP6OptUnknown_optcode_Names) | ((number | DHCP6OptUnknown_optcode_Names) | Range)[] | Range;
  /** 16 bits, computed when not given */
  "optlen"?: number | (number | Range)[] | Range | null;
  /** 32 bits, default 0 */
  "preflft"?: (number | DHCP6OptIAAddress_preflft_Names) | ((number | DHCP6OptIAAddress_preflft_Names) | Range)[] | Range;
  /** 32 bits, default 0 */
  "validlft"?: (number | DHCP6OptIAAddress_preflft_Names) | ((number | DHCP6OptIAAddress_preflft_Names) | Range)[] | Range;
  /** 8 bits, default 48 */
  "plen"?: number | (number | Range)[] | Range;
  /** 16 bytes, default 2001:db8:: */
  "prefix"?: string | string[];
  /** bytes, default [] */
  "iaprefopts"?: PacketSpec<"Raw" | "DHCP6OptUnknown" | "DHCP6OptClientId" | "DHCP6OptServerId" | "DHCP6OptIA_NA" | "DHCP6OptIA_TA" | "DHCP6OptIAAddress" | "DHCP6OptOptReq" | "DHCP6OptPref" | "DHCP6OptElapsedTime" | "DHCP6OptStatusCode" | "DHCP6OptRapidCommit" | "DHCP6OptIfaceId" | "DHCP6OptDNSServers" | "DHCP6OptDNSDomains" | "DHCP6OptIA_PD" | "DHCP6OptIAPrefix" | "DHCP6OptRelayMsg"> | PacketSpec<"Raw" | "DHCP6OptUnknown" | "DHCP6OptClientId" | "DHCP6OptServerId" | "DHCP6OptIA_NA" | "DHCP6OptIA_TA" | "DHCP6OptIAAddress" | "DHCP6OptOptReq" | "DHCP6OptPref" | "DHCP6OptElapsedTime" | "DHCP6OptStatusCode" | "DHCP6OptRapidCommit" | "DHCP6OptIfaceId" | "DHCP6OptDNSServers" | "DHCP6OptDNSDomains" | "DHCP6OptIA_PD" | "DHCP6OptIAPrefix" | "DHCP6OptRelayMsg">[];
}

/** The fields of DHCP6(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface DHCP6Fields {
  /** 8 bits, default none */
  "msgtype"?: (number | DHCP6_msgtype_Names) | ((number | DHCP6_msgtype_Names) | Range)[] | Range;
  /** 24 bits, default 0 */
  "trid"?: number | (number | Range)[] | Range;
}

/** The fields of DHCP6_Solicit(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface DHCP6_SolicitFields {
  /** 8 bits, default SOLICIT */
  "msgtype"?: (number | DHCP6_msgtype_Names) | ((number | DHCP6_msgtype_Names) | Range)[] | Range;
  /** 24 bits, default 0 */
  "trid"?: number | (number | Range)[] | Range;
}

/** The fields of DHCP6_Advertise(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface DHCP6_AdvertiseFields {
  /** 8 bits, default ADVERTISE */
  "msgtype"?: (number | DHCP6_msgtype_Names) | ((number | DHCP6_msgtype_Names) | Range)[] | Range;
  /** 24 bits, default 0 */
  "trid"?: number | (number | Range)[] | Range;
}

/** The fields of DHCP6_Request(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface DHCP6_RequestFields {
  /** 8 bits, default REQUEST */
  "msgtype"?: (number | DHCP6_msgtype_Names) | ((number | DHCP6_msgtype_Names) | Range)[] | Range;
  /** 24 bits, default 0 */
  "trid"?: number | (number | Range)[] | Range;
}

/** The fields of DHCP6_Confirm(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface DHCP6_ConfirmFields {
  /** 8 bits, default CONFIRM */
  "msgtype"?: (number | DHCP6_msgtype_Names) | ((number | DHCP6_msgtype_Names) | Range)[] | Range;
  /** 24 bits, default 0 */
  "trid"?: number | (number | Range)[] | Range;
}

/** The fields of DHCP6_Renew(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface DHCP6_RenewFields {
  /** 8 bits, default RENEW */
  "msgtype"?: (number | DHCP6_msgtype_Names) | ((number | DHCP6_msgtype_Names) | Range)[] | Range;
  /** 24 bits, default 0 */
  "trid"?: number | (number | Range)[] | Range;
}

/** The fields of DHCP6_Rebind(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface DHCP6_RebindFields {
  /** 8 bits, default REBIND */
  "msgtype"?: (number | DHCP6_msgtype_Names) | ((number | DHCP6_msgtype_Names) | Range)[] | Range;
  /** 24 bits, default 0 */
  "trid"?: number | (number | Range)[] | Range;
}

/** The fields of DHCP6_Reply(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface DHCP6_ReplyFields {
  /** 8 bits, default REPLY */
  "msgtype"?: (number | DHCP6_msgtype_Names) | ((number | DHCP6_msgtype_Names) | Range)[] | Range;
  /** 24 bits, default 0 */
  "trid"?: number | (number | Range)[] | Range;
}

/** The fields of DHCP6_Release(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface DHCP6_ReleaseFields {
  /** 8 bits, default RELEASE */
  "msgtype"?: (number | DHCP6_msgtype_Names) | ((number | DHCP6_msgtype_Names) | Range)[] | Range;
  /** 24 bits, default 0 */
  "trid"?: number | (number | Range)[] | Range;
}

/** The fields of DHCP6_Decline(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface DHCP6_DeclineFields {
  /** 8 bits, default DECLINE */
  "msgtype"?: (number | DHCP6_msgtype_Names) | ((number | DHCP6_msgtype_Names) | Range)[] | Range;
  /** 24 bits, default 0 */
  "trid"?: number | (number | Range)[] | Range;
}

/** The fields of DHCP6_Reconf(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface DHCP6_ReconfFields {
  /** 8 bits, default RECONFIGURE */
  "msgtype"?: (number | DHCP6_msgtype_Names) | ((number | DHCP6_msgtype_Names) | Range)[] | Range;
  /** 24 bits, default 0 */
  "trid"?: number | (number | Range)[] | Range;
}

/** The fields of DHCP6_InfoRequest(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface DHCP6_InfoRequestFields {
  /** 8 bits, default INFORMATION-REQUEST */
  "msgtype"?: (number | DHCP6_msgtype_Names) | ((number | DHCP6_msgtype_Names) | Range)[] | Range;
  /** 24 bits, default 0 */
  "trid"?: number | (number | Range)[] | Range;
}

/** The fields of DHCP6_RelayForward(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface DHCP6_RelayForwardFields {
  /** 8 bits, default RELAY-FORW */
  "msgtype"?: (number | DHCP6_msgtype_Names) | ((number | DHCP6_msgtype_Names) | Range)[] | Range;
  /** 8 bits, default none */
  "hopcount"?: number | (number | Range)[] | Range;
  /** 16 bytes, default :: */
  "linkaddr"?: string | string[];
  /** 16 bytes, default :: */
  "peeraddr"?: string | string[];
}

/** The fields of DHCP6_RelayReply(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface DHCP6_RelayReplyFields {
  /** 8 bits, default RELAY-REPL */
  "msgtype"?: (number | DHCP6_msgtype_Names) | ((number | DHCP6_msgtype_Names) | Range)[] | Range;
  /** 8 bits, default none */
  "hopcount"?: number | (number | Range)[] | Range;
  /** 16 bytes, default :: */
  "linkaddr"?: string | string[];
  /** 16 bytes, default :: */
  "peeraddr"?: string | string[];
}

/** The fields of DHCP6OptRelayMsg(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface DHCP6OptRelayMsgFields {
  /** 16 bits, default RELAY_MSG */
  "optcode"?: (number | DHCP6OptUnknown_optcode_Names) | ((number | DHCP6OptUnknown_optcode_Names) | Range)[] | Range;
  /** 16 bits, computed when not given */
  "optlen"?: number | (number | Range)[] | Range | null;
  /** bytes, default <DHCP6  trid=0 |> */
  "message"?: unknown;
}

/** The fields of NTPHeader(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface NTPHeaderFields {
  /** 2 bits, default no warning */
  "leap"?: (number | NTPHeader_leap_Names) | ((number | NTPHeader_leap_Names) | Range)[] | Range;
  /** 3 bits, default 4 */
  "version"?: number | (number | Range)[] | Range;
  /** 3 bits, default client */
  "mode"?: (number | NTPHeader_mode_Names) | ((number | NTPHeader_mode_Names) | Range)[] | Range;
  /** 8 bits, default 2 */
  "stratum"?: number | (number | Range)[] | Range;
  /** 8 bits, default 10 */
  "poll"?: number | (number | Range)[] | Range;
  /** 8 bits, default 0 */
  "precision"?: number | (number | Range)[] | Range;
  /** 32 bits, default 0 */
  "delay"?: number | (number | Range)[] | Range;
  /** 32 bits, default 0 */
  "dispersion"?: number | (number | Range)[] | Range;
  /** 4 bytes, default 127.0.0.1 */
  "id"?: string | string[];
  /** bytes, default b'' */
  "ref_id"?: Buffer | string | (Buffer | string)[];
  /** 8 bytes, default 0 */
  "ref"?: string | string[];
  /** 8 bytes, default none */
  "orig"?: string | string[];
  /** 8 bytes, default 0 */
  "recv"?: string | string[];
  /** 8 bytes, default none */
  "sent"?: string | string[];
}

/** The fields of NTPAuthenticator(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface NTPAuthenticatorFields {
  /** bytes, default b'' */
  "padding"?: Buffer | string | (Buffer | string)[];
  /** 32 bits, default 0 */
  "key_id"?: number | (number | Range)[] | Range;
  /** bytes, default b'' */
  "dgst"?: Buffer | string | (Buffer | string)[];
}

/** The fields of GRE(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface GREFields {
  /** 1 bits, default 0 */
  "chksum_present"?: number | (number | Range)[] | Range;
  /** 1 bits, default 0 */
  "routing_present"?: number | (number | Range)[] | Range;
  /** 1 bits, default 0 */
  "key_present"?: number | (number | Range)[] | Range;
  /** 1 bits, default 0 */
  "seqnum_present"?: number | (number | Range)[] | Range;
  /** 1 bits, default 0 */
  "strict_route_source"?: number | (number | Range)[] | Range;
  /** 3 bits, default 0 */
  "recursion_control"?: number | (number | Range)[] | Range;
  /** 5 bits, default 0 */
  "flags"?: number | (number | Range)[] | Range;
  /** 3 bits, default 0 */
  "version"?: number | (number | Range)[] | Range;
  /** 16 bits, default 0 */
  "proto"?: (number | Ether_type_Names) | ((number | Ether_type_Names) | Range)[] | Range;
  /** 16 bits, computed when not given */
  "chksum"?: number | (number | Range)[] | Range | null;
  /** 16 bits, default 0 */
  "offset"?: number | (number | Range)[] | Range;
  /** 32 bits, default 0 */
  "key"?: number | (number | Range)[] | Range;
  /** 32 bits, default 0 */
  "sequence_number"?: number | (number | Range)[] | Range;
}

/** The fields of VXLAN(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface VXLANFields {
  /** 8 bits, default Instance */
  "flags"?: (number | VXLAN_flags_Flags) | ((number | VXLAN_flags_Flags) | Range)[] | Range;
  /** 16 bits, default 0 */
  "reserved0"?: number | (number | Range)[] | Range;
  /** 8 bits, default NotDefined */
  "NextProtocol"?: (number | VXLAN_NextProtocol_Names) | ((number | VXLAN_NextProtocol_Names) | Range)[] | Range;
  /** 24 bits, default 0 */
  "reserved1"?: number | (number | Range)[] | Range;
  /** 8 bits, default  */
  "gpflags"?: (number | VXLAN_gpflags_Flags) | ((number | VXLAN_gpflags_Flags) | Range)[] | Range;
  /** 16 bits, default 0 */
  "gpid"?: number | (number | Range)[] | Range;
  /** 24 bits, default 0 */
  "vni"?: number | (number | Range)[] | Range;
  /** 8 bits, default 0 */
  "reserved2"?: number | (number | Range)[] | Range;
}

/** The fields of IPOption_LSRR(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface IPOption_LSRRFields {
  /** 1 bits, default 1 */
  "copy_flag"?: number | (number | Range)[] | Range;
  /** 2 bits, default control */
  "optclass"?: (number | IPOption_EOL_optclass_Names) | ((number | IPOption_EOL_optclass_Names) | Range)[] | Range;
  /** 5 bits, default loose_source_route */
  "option"?: (number | IPOption_EOL_option_Names) | ((number | IPOption_EOL_option_Names) | Range)[] | Range;
  /** 8 bits, computed when not given */
  "length"?: number | (number | Range)[] | Range | null;
  /** 8 bits, default 4 */
  "pointer"?: number | (number | Range)[] | Range;
  /** bytes, default [] */
  "routers"?: string[];
}

/** The fields of IPOption_SSRR(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface IPOption_SSRRFields {
  /** 1 bits, default 1 */
  "copy_flag"?: number | (number | Range)[] | Range;
  /** 2 bits, default control */
  "optclass"?: (number | IPOption_EOL_optclass_Names) | ((number | IPOption_EOL_optclass_Names) | Range)[] | Range;
  /** 5 bits, default strict_source_route */
  "option"?: (number | IPOption_EOL_option_Names) | ((number | IPOption_EOL_option_Names) | Range)[] | Range;
  /** 8 bits, computed when not given */
  "length"?: number | (number | Range)[] | Range | null;
  /** 8 bits, default 4 */
  "pointer"?: number | (number | Range)[] | Range;
  /** bytes, default [] */
  "routers"?: string[];
}

/** The fields of IPOption_Timestamp(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface IPOption_TimestampFields {
  /** 1 bits, default 0 */
  "copy_flag"?: number | (number | Range)[] | Range;
  /** 2 bits, default debug */
  "optclass"?: (number | IPOption_EOL_optclass_Names) | ((number | IPOption_EOL_optclass_Names) | Range)[] | Range;
  /** 5 bits, default timestamp */
  "option"?: (number | IPOption_EOL_option_Names) | ((number | IPOption_EOL_option_Names) | Range)[] | Range;
  /** 8 bits, computed when not given */
  "length"?: number | (number | Range)[] | Range | null;
  /** 8 bits, default 9 */
  "pointer"?: number | (number | Range)[] | Range;
  /** 4 bits, default 0 */
  "oflw"?: number | (number | Range)[] | Range;
  /** 4 bits, default timestamp_and_ip_addr */
  "flg"?: (number | IPOption_Timestamp_flg_Names) | ((number | IPOption_Timestamp_flg_Names) | Range)[] | Range;
  /** 4 bytes, default 0.0.0.0 */
  "internet_address"?: string | string[];
  /** 32 bits, default 0 */
  "timestamp"?: number | (number | Range)[] | Range;
}

/** The fields of Pad1(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface Pad1Fields {
  /** 8 bits, default Pad1 [00: skip, 0: Don't change en-route] */
  "otype"?: (number | Pad1_otype_Names) | ((number | Pad1_otype_Names) | Range)[] | Range;
}

/** The fields of PadN(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface PadNFields {
  /** 8 bits, default PadN [00: skip, 0: Don't change en-route] */
  "otype"?: (number | Pad1_otype_Names) | ((number | Pad1_otype_Names) | Range)[] | Range;
  /** 8 bits, computed when not given */
  "optlen"?: number | (number | Range)[] | Range | null;
  /** bytes, default '' */
  "optdata"?: Buffer | string | (Buffer | string)[];
}

/** The fields of HBHOptUnknown(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface HBHOptUnknownFields {
  /** 8 bits, default PadN [00: skip, 0: Don't change en-route] */
  "otype"?: (number | Pad1_otype_Names) | ((number | Pad1_otype_Names) | Range)[] | Range;
  /** 8 bits, computed when not given */
  "optlen"?: number | (number | Range)[] | Range | null;
  /** bytes, default '' */
  "optdata"?: Buffer | string | (Buffer | string)[];
}

/** The fields of RouterAlert(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface RouterAlertFields {
  /** 8 bits, default Router Alert [00: skip, 0: Don't change en-route] */
  "otype"?: (number | Pad1_otype_Names) | ((number | Pad1_otype_Names) | Range)[] | Range;
  /** 8 bits, default 2 */
  "optlen"?: number | (number | Range)[] | Range;
  /** 16 bits, default none */
  "value"?: (number | RouterAlert_value_Names) | ((number | RouterAlert_value_Names) | Range)[] | Range;
}

/** The fields of Jumbo(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface JumboFields {
  /** 8 bits, default Jumbo Payload [11: discard+ICMP not mcast, 0: Don't change en-route] */
  "otype"?: (number | Pad1_otype_Names) | ((number | Pad1_otype_Names) | Range)[] | Range;
  /** 8 bits, default 4 */
  "optlen"?: number | (number | Range)[] | Range;
  /** 32 bits, default none */
  "jumboplen"?: number | (number | Range)[] | Range;
}

/** The fields of HAO(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface HAOFields {
  /** 8 bits, default Home Address Option [11: discard+ICMP not mcast, 0: Don't change en-route] */
  "otype"?: (number | Pad1_otype_Names) | ((number | Pad1_otype_Names) | Range)[] | Range;
  /** 8 bits, default 16 */
  "optlen"?: number | (number | Range)[] | Range;
  /** 16 bytes, default :: */
  "hoa"?: string | string[];
}

/** The fields of IPv6ExtHdrHopByHop(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface IPv6ExtHdrHopByHopFields {
  /** 8 bits, default No Next Header */
  "nh"?: (number | IPv6_nh_Names) | ((number | IPv6_nh_Names) | Range)[] | Range;
  /** 8 bits, computed when not given */
  "len"?: number | (number | Range)[] | Range | null;
  /** bytes, default On */
  "autopad"?: unknown;
  /** bytes, default [] */
  "options"?: PacketSpec<"Pad1" | "PadN" | "HBHOptUnknown" | "RouterAlert" | "Jumbo" | "HAO"> | PacketSpec<"Pad1" | "PadN" | "HBHOptUnknown" | "RouterAlert" | "Jumbo" | "HAO">[];
}

/** The fields of IPv6ExtHdrDestOpt(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface IPv6ExtHdrDestOptFields {
  /** 8 bits, default No Next Header */
  "nh"?: (number | IPv6_nh_Names) | ((number | IPv6_nh_Names) | Range)[] | Range;
  /** 8 bits, computed when not given */
  "len"?: number | (number | Range)[] | Range | null;
  /** bytes, default On */
  "autopad"?: unknown;
  /** bytes, default [] */
  "options"?: PacketSpec<"Pad1" | "PadN" | "HBHOptUnknown" | "RouterAlert" | "Jumbo" | "HAO"> | PacketSpec<"Pad1" | "PadN" | "HBHOptUnknown" | "RouterAlert" | "Jumbo" | "HAO">[];
}

/** The fields of IPv6ExtHdrRouting(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface IPv6ExtHdrRoutingFields {
  /** 8 bits, default No Next Header */
  "nh"?: (number | IPv6_nh_Names) | ((number | IPv6_nh_Names) | Range)[] | Range;
  /** 8 bits, computed when not given */
  "len"?: number | (number | Range)[] | Range | null;
  /** 8 bits, default 0 */
  "type"?: number | (number | Range)[] | Range;
  /** 8 bits, computed when not given */
  "segleft"?: number | (number | Range)[] | Range | null;
  /** 32 bits, default 0 */
  "reserved"?: number | (number | Range)[] | Range;
  /** bytes, default [  ] */
  "addresses"?: unknown[];
}

/** The fields of IPv6ExtHdrFragment(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface IPv6ExtHdrFragmentFields {
  /** 8 bits, default ipv6_nonxt */
  "nh"?: (number | IP_proto_Names) | ((number | IP_proto_Names) | Range)[] | Range;
  /** 8 bits, default 0 */
  "res1"?: number | (number | Range)[] | Range;
  /** 13 bits, default 0 */
  "offset"?: number | (number | Range)[] | Range;
  /** 2 bits, default 0 */
  "res2"?: number | (number | Range)[] | Range;
  /** 1 bits, default 0 */
  "m"?: number | (number | Range)[] | Range;
  /** 32 bits, computed when not given */
  "id"?: number | (number | Range)[] | Range | null;
}

/** The fields of IPv6ExtHdrSegmentRoutingTLV(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface IPv6ExtHdrSegmentRoutingTLVFields {
  /** 8 bits, default none */
  "type"?: (number | IPv6ExtHdrSegmentRoutingTLV_type_Names) | ((number | IPv6ExtHdrSegmentRoutingTLV_type_Names) | Range)[] | Range;
  /** 8 bits, default 0 */
  "len"?: number | (number | Range)[] | Range;
  /** bytes, default '' */
  "value"?: Buffer | string | (Buffer | string)[];
}

/** The fields of IPv6ExtHdrSegmentRoutingTLVPad1(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface IPv6ExtHdrSegmentRoutingTLVPad1Fields {
  /** 8 bits, default Pad1 TLV */
  "type"?: (number | IPv6ExtHdrSegmentRoutingTLV_type_Names) | ((number | IPv6ExtHdrSegmentRoutingTLV_type_Names) | Range)[] | Range;
  /** 8 bits, computed when not given */
  "len"?: number | (number | Range)[] | Range | null;
  /** bytes, default '\x00' */
  "padding"?: Buffer | string | (Buffer | string)[];
}

/** The fields of IPv6ExtHdrSegmentRoutingTLVPadN(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface IPv6ExtHdrSegmentRoutingTLVPadNFields {
  /** 8 bits, default PadN TLV */
  "type"?: (number | IPv6ExtHdrSegmentRoutingTLV_type_Names) | ((number | IPv6ExtHdrSegmentRoutingTLV_type_Names) | Range)[] | Range;
  /** 8 bits, computed when not given */
  "len"?: number | (number | Range)[] | Range | null;
  /** bytes, default '\x00' */
  "padding"?: Buffer | string | (Buffer | string)[];
}

/** The fields of IPv6ExtHdrSegmentRoutingTLVIngressNode(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface IPv6ExtHdrSegmentRoutingTLVIngressNodeFields {
  /** 8 bits, default Ingress Node TLV */
  "type"?: (number | IPv6ExtHdrSegmentRoutingTLV_type_Names) | ((number | IPv6ExtHdrSegmentRoutingTLV_type_Names) | Range)[] | Range;
  /** 8 bits, default 18 */
  "len"?: number | (number | Range)[] | Range;
  /** 8 bits, default 0 */
  "reserved"?: number | (number | Range)[] | Range;
  /** 8 bits, default 0 */
  "flags"?: number | (number | Range)[] | Range;
  /** 16 bytes, default ::1 */
  "ingress_node"?: string | string[];
}

/** The fields of IPv6ExtHdrSegmentRoutingTLVEgressNode(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface IPv6ExtHdrSegmentRoutingTLVEgressNodeFields {
  /** 8 bits, default Egress Node TLV */
  "type"?: (number | IPv6ExtHdrSegmentRoutingTLV_type_Names) | ((number | IPv6ExtHdrSegmentRoutingTLV_type_Names) | Range)[] | Range;
  /** 8 bits, default 18 */
  "len"?: number | (number | Range)[] | Range;
  /** 8 bits, default 0 */
  "reserved"?: number | (number | Range)[] | Range;
  /** 8 bits, default 0 */
  "flags"?: number | (number | Range)[] | Range;
  /** 16 bytes, default ::1 */
  "egress_node"?: string | string[];
}

/** The fields of IPv6ExtHdrSegmentRouting(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface IPv6ExtHdrSegmentRoutingFields {
  /** 8 bits, default No Next Header */
  "nh"?: (number | IPv6_nh_Names) | ((number | IPv6_nh_Names) | Range)[] | Range;
  /** 8 bits, computed when not given */
  "len"?: number | (number | Range)[] | Range | null;
  /** 8 bits, default 4 */
  "type"?: number | (number | Range)[] | Range;
  /** 8 bits, computed when not given */
  "segleft"?: number | (number | Range)[] | Range | null;
  /** 8 bits, computed when not given */
  "lastentry"?: number | (number | Range)[] | Range | null;
  /** 1 bits, default 0 */
  "unused1"?: number | (number | Range)[] | Range;
  /** 1 bits, default 0 */
  "protected"?: number | (number | Range)[] | Range;
  /** 1 bits, default 0 */
  "oam"?: number | (number | Range)[] | Range;
  /** 1 bits, default 0 */
  "alert"?: number | (number | Range)[] | Range;
  /** 1 bits, default 0 */
  "hmac"?: number | (number | Range)[] | Range;
  /** 3 bits, default 0 */
  "unused2"?: number | (number | Range)[] | Range;
  /** 16 bits, default 0 */
  "tag"?: number | (number | Range)[] | Range;
  /** bytes, default [ ::1 ] */
  "addresses"?: unknown[];
  /** bytes, default [] */
  "tlv_objects"?: PacketSpec<"IPv6ExtHdrSegmentRoutingTLV" | "IPv6ExtHdrSegmentRoutingTLVPad1" | "IPv6ExtHdrSegmentRoutingTLVPadN" | "IPv6ExtHdrSegmentRoutingTLVIngressNode" | "IPv6ExtHdrSegmentRoutingTLVEgressNode"> | PacketSpec<"IPv6ExtHdrSegmentRoutingTLV" | "IPv6ExtHdrSegmentRoutingTLVPad1" | "IPv6ExtHdrSegmentRoutingTLVPadN" | "IPv6ExtHdrSegmentRoutingTLVIngressNode" | "IPv6ExtHdrSegmentRoutingTLVEgressNode">[];
}

/** The fields of ICMPv6MLQuery(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface ICMPv6MLQueryFields {
  /** 8 bits, default MLD Query */
  "type"?: (number | ICMPv6DestUnreach_type_Names) | ((number | ICMPv6DestUnreach_type_Names) | Range)[] | Range;
  /** 8 bits, default 0 */
  "code"?: number | (number | Range)[] | Range;
  /** 16 bits, computed when not given */
  "cksum"?: number | (number | Range)[] | Range | null;
  /** 16 bits, default 10000 */
  "mrd"?: number | (number | Range)[] | Range;
  /** 16 bits, default 0 */
  "reserved"?: number | (number | Range)[] | Range;
  /** 16 bytes, default :: */
  "mladdr"?: string | string[];
}

/** The fields of ICMPv6MLReport(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface ICMPv6MLReportFields {
  /** 8 bits, default MLD Report */
  "type"?: (number | ICMPv6DestUnreach_type_Names) | ((number | ICMPv6DestUnreach_type_Names) | Range)[] | Range;
  /** 8 bits, default 0 */
  "code"?: number | (number | Range)[] | Range;
  /** 16 bits, computed when not given */
  "cksum"?: number | (number | Range)[] | Range | null;
  /** 16 bits, default 0 */
  "mrd"?: number | (number | Range)[] | Range;
  /** 16 bits, default 0 */
  "reserved"?: number | (number | Range)[] | Range;
  /** 16 bytes, default :: */
  "mladdr"?: string | string[];
}

/** The fields of ICMPv6MLDone(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface ICMPv6MLDoneFields {
  /** 8 bits, default MLD Done */
  "type"?: (number | ICMPv6DestUnreach_type_Names) | ((number | ICMPv6DestUnreach_type_Names) | Range)[] | Range;
  /** 8 bits, default 0 */
  "code"?: number | (number | Range)[] | Range;
  /** 16 bits, computed when not given */
  "cksum"?: number | (number | Range)[] | Range | null;
  /** 16 bits, default 0 */
  "mrd"?: number | (number | Range)[] | Range;
  /** 16 bits, default 0 */
  "reserved"?: number | (number | Range)[] | Range;
  /** 16 bytes, default :: */
  "mladdr"?: string | string[];
}

/** The fields of ICMPv6MLQuery2(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface ICMPv6MLQuery2Fields {
  /** 8 bits, default MLD Query */
  "type"?: (number | ICMPv6DestUnreach_type_Names) | ((number | ICMPv6DestUnreach_type_Names) | Range)[] | Range;
  /** 8 bits, default 0 */
  "code"?: number | (number | Range)[] | Range;
  /** 16 bits, computed when not given */
  "cksum"?: number | (number | Range)[] | Range | null;
  /** 16 bits, default 10000 */
  "mrd"?: number | (number | Range)[] | Range;
  /** 16 bits, default 0 */
  "reserved"?: number | (number | Range)[] | Range;
  /** 16 bytes, default :: */
  "mladdr"?: string | string[];
  /** 4 bits, default 0 */
  "Resv"?: number | (number | Range)[] | Range;
  /** 1 bits, default 0 */
  "S"?: number | (number | Range)[] | Range;
  /** 3 bits, default 0 */
  "QRV"?: number | (number | Range)[] | Range;
  /** 8 bits, default 0 */
  "QQIC"?: number | (number | Range)[] | Range;
  /** 16 bits, computed when not given */
  "sources_number"?: number | (number | Range)[] | Range | null;
  /** bytes, default [  ] */
  "sources"?: unknown[];
}

/** The fields of ICMPv6MLDMultAddrRec(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface ICMPv6MLDMultAddrRecFields {
  /** 8 bits, default 4 */
  "rtype"?: number | (number | Range)[] | Range;
  /** 8 bits, computed when not given */
  "auxdata_len"?: number | (number | Range)[] | Range | null;
  /** 16 bits, computed when not given */
  "sources_number"?: number | (number | Range)[] | Range | null;
  /** 16 bytes, default :: */
  "dst"?: string | string[];
  /** bytes, default [  ] */
  "sources"?: unknown[];
  /** bytes, default '' */
  "auxdata"?: Buffer | string | (Buffer | string)[];
}

/** The fields of ICMPv6MLReport2(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface ICMPv6MLReport2Fields {
  /** 8 bits, default MLD Report Version 2 */
  "type"?: (number | ICMPv6DestUnreach_type_Names) | ((number | ICMPv6DestUnreach_type_Names) | Range)[] | Range;
  /** 8 bits, default 0 */
  "res"?: number | (number | Range)[] | Range;
  /** 16 bits, computed when not given */
  "cksum"?: number | (number | Range)[] | Range | null;
  /** 16 bits, default 0 */
  "reserved"?: number | (number | Range)[] | Range;
  /** 16 bits, computed when not given */
  "records_number"?: number | (number | Range)[] | Range | null;
  /** bytes, default [] */
  "records"?: PacketSpec<"ICMPv6MLDMultAddrRec"> | PacketSpec<"ICMPv6MLDMultAddrRec">[];
}

/** The fields of ICMPv6NDOptRDNSS(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface ICMPv6NDOptRDNSSFields {
  /** 8 bits, default 25 */
  "type"?: number | (number | Range)[] | Range;
  /** 8 bits, computed when not given */
  "len"?: number | (number | Range)[] | Range | null;
  /** 16 bits, default none */
  "res"?: number | (number | Range)[] | Range;
  /** 32 bits, default 4294967295 */
  "lifetime"?: number | (number | Range)[] | Range;
  /** bytes, default [  ] */
  "dns"?: unknown[];
}

/** The fields of ICMPv6NDOptDNSSL(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface ICMPv6NDOptDNSSLFields {
  /** 8 bits, default 31 */
  "type"?: number | (number | Range)[] | Range;
  /** 8 bits, computed when not given */
  "len"?: number | (number | Range)[] | Range | null;
  /** 16 bits, default none */
  "res"?: number | (number | Range)[] | Range;
  /** 32 bits, default 4294967295 */
  "lifetime"?: number | (number | Range)[] | Range;
  /** bytes, default [] */
  "searchlist"?: unknown[];
}

/** The fields of ICMPv6NDOptRouteInfo(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface ICMPv6NDOptRouteInfoFields {
  /** 8 bits, default 24 */
  "type"?: number | (number | Range)[] | Range;
  /** 8 bits, computed when not given */
  "len"?: number | (number | Range)[] | Range | null;
  /** 8 bits, default none */
  "plen"?: number | (number | Range)[] | Range;
  /** 3 bits, default 0 */
  "res1"?: number | (number | Range)[] | Range;
  /** 2 bits, default Medium (default) */
  "prf"?: (number | ICMPv6ND_RA_prf_Names) | ((number | ICMPv6ND_RA_prf_Names) | Range)[] | Range;
  /** 3 bits, default 0 */
  "res2"?: number | (number | Range)[] | Range;
  /** 32 bits, default 4294967295 */
  "rtlifetime"?: number | (number | Range)[] | Range;
  /** bytes, default none */
  "prefix"?: unknown;
}

/** The fields of ICMPv6NDOptRedirectedHdr(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface ICMPv6NDOptRedirectedHdrFields {
  /** 8 bits, default 4 */
  "type"?: number | (number | Range)[] | Range;
  /** 8 bits, computed when not given */
  "len"?: number | (number | Range)[] | Range | null;
  /** bytes, default b'\x00\x00\x00\x00\x00\x00' */
  "res"?: Buffer | string | (Buffer | string)[];
  /** bytes, default b'' */
  "pkt"?: Buffer | string | (Buffer | string)[];
}

/** The fields of ICMPv6ND_Redirect(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface ICMPv6ND_RedirectFields {
  /** 8 bits, default Redirect Message */
  "type"?: (number | ICMPv6DestUnreach_type_Names) | ((number | ICMPv6DestUnreach_type_Names) | Range)[] | Range;
  /** 8 bits, default 0 */
  "code"?: number | (number | Range)[] | Range;
  /** 16 bits, computed when not given */
  "cksum"?: number | (number | Range)[] | Range | null;
  /** 32 bits, default 0 */
  "res"?: number | (number | Range)[] | Range;
  /** 16 bytes, default :: */
  "tgt"?: string | string[];
  /** 16 bytes, default :: */
  "dst"?: string | string[];
}

/** The fields of IGMP(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface IGMPFields {
  /** 8 bits, default Group Membership Query */
  "type"?: (number | IGMP_type_Names) | ((number | IGMP_type_Names) | Range)[] | Range;
  /** 8 bits, default 20 */
  "mrcode"?: number | (number | Range)[] | Range;
  /** 16 bits, computed when not given */
  "chksum"?: number | (number | Range)[] | Range | null;
  /** 4 bytes, default 0.0.0.0 */
  "gaddr"?: string | string[];
}

/** The fields of IGMPv3(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface IGMPv3Fields {
  /** 8 bits, default Membership Query */
  "type"?: (number | IGMPv3_type_Names) | ((number | IGMPv3_type_Names) | Range)[] | Range;
  /** 8 bits, default 20 */
  "mrcode"?: number | (number | Range)[] | Range;
  /** 16 bits, computed when not given */
  "chksum"?: number | (number | Range)[] | Range | null;
}

/** The fields of IGMPv3mq(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface IGMPv3mqFields {
  /** 4 bytes, default 0.0.0.0 */
  "gaddr"?: string | string[];
  /** 4 bits, default 0 */
  "resv"?: number | (number | Range)[] | Range;
  /** 1 bits, default 0 */
  "s"?: number | (number | Range)[] | Range;
  /** 3 bits, default 0 */
  "qrv"?: number | (number | Range)[] | Range;
  /** 8 bits, default 0 */
  "qqic"?: number | (number | Range)[] | Range;
  /** 16 bits, computed when not given */
  "numsrc"?: number | (number | Range)[] | Range | null;
  /** bytes, default [] */
  "srcaddrs"?: unknown[];
}

/** The fields of IGMPv3gr(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface IGMPv3grFields {
  /** 8 bits, default Mode Is Include */
  "rtype"?: (number | IGMPv3gr_rtype_Names) | ((number | IGMPv3gr_rtype_Names) | Range)[] | Range;
  /** 8 bits, default 0 */
  "auxdlen"?: number | (number | Range)[] | Range;
  /** 16 bits, computed when not given */
  "numsrc"?: number | (number | Range)[] | Range | null;
  /** 4 bytes, default 0.0.0.0 */
  "maddr"?: string | string[];
  /** bytes, default [] */
  "srcaddrs"?: unknown[];
}

/** The fields of IGMPv3mr(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface IGMPv3mrFields {
  /** 16 bits, default 0x0 */
  "res2"?: number | (number | Range)[] | Range;
  /** 16 bits, computed when not given */
  "numgrp"?: number | (number | Range)[] | Range | null;
  /** bytes, default [] */
  "records"?: PacketSpec<"IGMPv3gr"> | PacketSpec<"IGMPv3gr">[];
}

/** The fields of IGMPv3mra(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface IGMPv3mraFields {
  /** 16 bits, default 0 */
  "qryIntvl"?: number | (number | Range)[] | Range;
  /** 16 bits, default 0 */
  "robust"?: number | (number | Range)[] | Range;
}

/** The fields of MPLS(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface MPLSFields {
  /** 20 bits, default 3 */
  "label"?: number | (number | Range)[] | Range;
  /** 3 bits, default 0 */
  "cos"?: number | (number | Range)[] | Range;
  /** 1 bits, default 1 */
  "s"?: number | (number | Range)[] | Range;
  /** 8 bits, default 0 */
  "ttl"?: number | (number | Range)[] | Range;
}

/** The fields of GeneveOptions(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface GeneveOptionsFields {
  /** 16 bits, default 0x0 */
  "classid"?: (number | GeneveOptions_classid_Names) | ((number | GeneveOptions_classid_Names) | Range)[] | Range;
  /** 8 bits, default 0x0 */
  "type"?: number | (number | Range)[] | Range;
  /** 3 bits, default 0 */
  "reserved"?: number | (number | Range)[] | Range;
  /** 5 bits, computed when not given */
  "length"?: number | (number | Range)[] | Range | null;
  /** bytes, default '' */
  "data"?: Buffer | string | (Buffer | string)[];
}

/** The fields of GENEVE(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface GENEVEFields {
  /** 2 bits, default 0 */
  "version"?: number | (number | Range)[] | Range;
  /** 6 bits, computed when not given */
  "optionlen"?: number | (number | Range)[] | Range | null;
  /** 1 bits, default 0 */
  "oam"?: number | (number | Range)[] | Range;
  /** 1 bits, default 0 */
  "critical"?: number | (number | Range)[] | Range;
  /** 6 bits, default 0 */
  "reserved"?: number | (number | Range)[] | Range;
  /** 16 bits, default 0x0 */
  "proto"?: (number | Ether_type_Names) | ((number | Ether_type_Names) | Range)[] | Range;
  /** 24 bits, default 0x0 */
  "vni"?: number | (number | Range)[] | Range;
  /** 8 bits, default 0x0 */
  "reserved2"?: number | (number | Range)[] | Range;
  /** bytes, default [] */
  "options"?: PacketSpec<"GeneveOptions"> | PacketSpec<"GeneveOptions">[];
}

/** The fields of Dot3(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface Dot3Fields {
  /** 6 bytes, default ff:ff:ff:ff:ff:ff */
  "dst"?: string | string[];
  /** 6 bytes, default 00:00:00:00:00:00 */
  "src"?: string | string[];
  /** 16 bits, computed when not given */
  "len"?: number | (number | Range)[] | Range | null;
}

/** The fields of Dot1AD(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface Dot1ADFields {
  /** 3 bits, default 0 */
  "prio"?: number | (number | Range)[] | Range;
  /** 1 bits, default 0 */
  "id"?: number | (number | Range)[] | Range;
  /** 12 bits, default 1 */
  "vlan"?: number | (number | Range)[] | Range;
  /** 16 bits, default 0 */
  "type"?: (number | Ether_type_Names) | ((number | Ether_type_Names) | Range)[] | Range;
}

/** The fields of LLC(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface LLCFields {
  /** 8 bits, default 0x0 */
  "dsap"?: number | (number | Range)[] | Range;
  /** 8 bits, default 0x0 */
  "ssap"?: number | (number | Range)[] | Range;
  /** 8 bits, default 0 */
  "ctrl"?: number | (number | Range)[] | Range;
}

/** The fields of SNAP(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface SNAPFields {
  /** 24 bits, default 0x0 */
  "OUI"?: number | (number | Range)[] | Range;
  /** 16 bits, default 0x0 */
  "code"?: (number | Ether_type_Names) | ((number | Ether_type_Names) | Range)[] | Range;
}

/** The fields of STP(…), by name; a list or range() given to a field of one value makes a packet set. */
export interface STPFields {
  /** 16 bits, default 0 */
  "proto"?: number | (number | Range)[] | Range;
  /** 8 bits, default 0 */
  "version"?: number | (number | Range)[] | Range;
  /** 8 bits, default 0 */
  "bpdutype"?: number | (number | Range)[] | Range;
  /** 8 bits, default 0 */
  "bpduflags"?: number | (number | Range)[] | Range;
  /** 16 bits, default 0 */
  "rootid"?: number | (number | Range)[] | Range;
  /** 6 bytes, default 00:00:00:00:00:00 */
  "rootmac"?: string | string[];
  /** 32 bits, default 0 */
  "pathcost"?: number | (number | Range)[] | Range;
  /** 16 bits, default 0 */
  "bridgeid"?: number | (number | Range)[] | Range;
  /** 6 bytes, default 00:00:00:00:00:00 */
  "bridgemac"?: string | string[];
  /** 16 bits, default 0 */
  "portid"?: number | (number | Range)[] | Range;
  /** 16 bits, default 1.0 */
  "age"?: number | (number | Range)[] | Range;
  /** 16 bits, default 20.0 */
  "maxage"?: number | (number | Range)[] | Range;
  /** 16 bits, default 2.0 */
  "hellotime"?: number | (number | Range)[] | Range;
  /** 16 bits, default 15.0 */
  "fwddelay"?: number | (number | Range)[] | Range;
}

/** Each layer's field names (typed paths such as "TCP.flags"). */
export interface LayerFieldNames {
  Raw: "load";
  Padding: "load";
  Ether: "dst" | "src" | "type";
  Dot1Q: "prio" | "id" | "vlan" | "type";
  ARP: "hwtype" | "ptype" | "hwlen" | "plen" | "op" | "hwsrc" | "psrc" | "hwdst" | "pdst";
  IPOption_EOL: "copy_flag" | "optclass" | "option";
  IPOption_NOP: "copy_flag" | "optclass" | "option";
  IPOption_RR: "copy_flag" | "optclass" | "option" | "length" | "pointer" | "routers";
  IPOption_Router_Alert: "copy_flag" | "optclass" | "option" | "length" | "alert";
  IPOption: "copy_flag" | "optclass" | "option" | "length" | "value";
  IP: "version" | "ihl" | "tos" | "len" | "id" | "flags" | "frag" | "ttl" | "proto" | "chksum" | "src" | "dst" | "options";
  IPerror: "version" | "ihl" | "tos" | "len" | "id" | "flags" | "frag" | "ttl" | "proto" | "chksum" | "src" | "dst" | "options";
  ICMP: "type" | "code" | "chksum" | "id" | "seq" | "ts_ori" | "ts_rx" | "ts_tx" | "gw" | "ptr" | "reserved" | "length" | "addr_mask" | "nexthopmtu" | "unused";
  ICMPerror: "type" | "code" | "chksum" | "id" | "seq" | "ts_ori" | "ts_rx" | "ts_tx" | "gw" | "ptr" | "reserved" | "length" | "addr_mask" | "nexthopmtu" | "unused";
  TCP: "sport" | "dport" | "seq" | "ack" | "dataofs" | "reserved" | "flags" | "window" | "chksum" | "urgptr" | "options";
  TCPerror: "sport" | "dport" | "seq" | "ack" | "dataofs" | "reserved" | "flags" | "window" | "chksum" | "urgptr" | "options";
  UDP: "sport" | "dport" | "len" | "chksum";
  UDPerror: "sport" | "dport" | "len" | "chksum";
  IPv6: "version" | "tc" | "fl" | "plen" | "nh" | "hlim" | "src" | "dst";
  IPerror6: "version" | "tc" | "fl" | "plen" | "nh" | "hlim" | "src" | "dst";
  ICMPv6DestUnreach: "type" | "code" | "cksum" | "length" | "unused";
  ICMPv6PacketTooBig: "type" | "code" | "cksum" | "mtu";
  ICMPv6TimeExceeded: "type" | "code" | "cksum" | "length" | "unused";
  ICMPv6ParamProblem: "type" | "code" | "cksum" | "ptr";
  ICMPv6EchoRequest: "type" | "code" | "cksum" | "id" | "seq" | "data";
  ICMPv6EchoReply: "type" | "code" | "cksum" | "id" | "seq" | "data";
  ICMPv6ND_RS: "type" | "code" | "cksum" | "res";
  ICMPv6ND_RA: "type" | "code" | "cksum" | "chlim" | "M" | "O" | "H" | "prf" | "P" | "res" | "routerlifetime" | "reachabletime" | "retranstimer";
  ICMPv6ND_NS: "type" | "code" | "cksum" | "res" | "tgt";
  ICMPv6ND_NA: "type" | "code" | "cksum" | "R" | "S" | "O" | "res" | "tgt";
  ICMPv6Unknown: "type" | "code" | "cksum" | "msgbody";
  ICMPv6NDOptSrcLLAddr: "type" | "len" | "lladdr";
  ICMPv6NDOptDstLLAddr: "type" | "len" | "lladdr";
  ICMPv6NDOptPrefixInfo: "type" | "len" | "prefixlen" | "L" | "A" | "R" | "res1" | "validlifetime" | "preferredlifetime" | "res2" | "prefix";
  ICMPv6NDOptMTU: "type" | "len" | "res" | "mtu";
  DNSRRMX: "rrname" | "type" | "rclass" | "ttl" | "rdlen" | "preference" | "exchange";
  DNSRRSOA: "rrname" | "type" | "rclass" | "ttl" | "rdlen" | "mname" | "rname" | "serial" | "refresh" | "retry" | "expire" | "minimum";
  DNSRRSRV: "rrname" | "type" | "rclass" | "ttl" | "rdlen" | "priority" | "weight" | "port" | "target";
  EDNS0TLV: "optcode" | "optlen" | "optdata";
  DNSRROPT: "rrname" | "type" | "rclass" | "extrcode" | "version" | "z" | "rdlen" | "rdata";
  DNSQR: "qname" | "qtype" | "qclass";
  DNSRR: "rrname" | "type" | "rclass" | "ttl" | "rdlen" | "rdata";
  DNS: "length" | "id" | "qr" | "opcode" | "aa" | "tc" | "rd" | "ra" | "z" | "ad" | "cd" | "rcode" | "qdcount" | "ancount" | "nscount" | "arcount" | "qd" | "an" | "ns" | "ar";
  BOOTP: "op" | "htype" | "hlen" | "hops" | "xid" | "secs" | "flags" | "ciaddr" | "yiaddr" | "siaddr" | "giaddr" | "chaddr" | "sname" | "file" | "options";
  DHCP: "options";
  DUID_LLT: "type" | "hwtype" | "timeval" | "lladdr";
  DUID_EN: "type" | "enterprisenum" | "id";
  DUID_LL: "type" | "hwtype" | "lladdr";
  DUID_UUID: "type" | "uuid";
  DHCP6OptUnknown: "optcode" | "optlen" | "data";
  DHCP6OptClientId: "optcode" | "optlen" | "duid";
  DHCP6OptServerId: "optcode" | "optlen" | "duid";
  DHCP6OptIA_NA: "optcode" | "optlen" | "iaid" | "T1" | "T2" | "ianaopts";
  DHCP6OptIA_TA: "optcode" | "optlen" | "iaid" | "iataopts";
  DHCP6OptIAAddress: "optcode" | "optlen" | "addr" | "preflft" | "validlft" | "iaaddropts";
  DHCP6OptOptReq: "optcode" | "optlen" | "reqopts";
  DHCP6OptPref: "optcode" | "optlen" | "prefval";
  DHCP6OptElapsedTime: "optcode" | "optlen" | "elapsedtime";
  DHCP6OptStatusCode: "optcode" | "optlen" | "statuscode" | "statusmsg";
  DHCP6OptRapidCommit: "optcode" | "optlen";
  DHCP6OptIfaceId: "optcode" | "optlen" | "ifaceid";
  DHCP6OptDNSServers: "optcode" | "optlen" | "dnsservers";
  DHCP6OptDNSDomains: "optcode" | "optlen" | "dnsdomains";
  DHCP6OptIA_PD: "optcode" | "optlen" | "iaid" | "T1" | "T2" | "iapdopt";
  DHCP6OptIAPrefix: "optcode" | "optlen" | "preflft" | "validlft" | "plen" | "prefix" | "iaprefopts";
  DHCP6: "msgtype" | "trid";
  DHCP6_Solicit: "msgtype" | "trid";
  DHCP6_Advertise: "msgtype" | "trid";
  DHCP6_Request: "msgtype" | "trid";
  DHCP6_Confirm: "msgtype" | "trid";
  DHCP6_Renew: "msgtype" | "trid";
  DHCP6_Rebind: "msgtype" | "trid";
  DHCP6_Reply: "msgtype" | "trid";
  DHCP6_Release: "msgtype" | "trid";
  DHCP6_Decline: "msgtype" | "trid";
  DHCP6_Reconf: "msgtype" | "trid";
  DHCP6_InfoRequest: "msgtype" | "trid";
  DHCP6_RelayForward: "msgtype" | "hopcount" | "linkaddr" | "peeraddr";
  DHCP6_RelayReply: "msgtype" | "hopcount" | "linkaddr" | "peeraddr";
  DHCP6OptRelayMsg: "optcode" | "optlen" | "message";
  NTPHeader: "leap" | "version" | "mode" | "stratum" | "poll" | "precision" | "delay" | "dispersion" | "id" | "ref_id" | "ref" | "orig" | "recv" | "sent";
  NTPAuthenticator: "padding" | "key_id" | "dgst";
  GRE: "chksum_present" | "routing_present" | "key_present" | "seqnum_present" | "strict_route_source" | "recursion_control" | "flags" | "version" | "proto" | "chksum" | "offset" | "key" | "sequence_number";
  VXLAN: "flags" | "reserved0" | "NextProtocol" | "reserved1" | "gpflags" | "gpid" | "vni" | "reserved2";
  IPOption_LSRR: "copy_flag" | "optclass" | "option" | "length" | "pointer" | "routers";
  IPOption_SSRR: "copy_flag" | "optclass" | "option" | "length" | "pointer" | "routers";
  IPOption_Timestamp: "copy_flag" | "optclass" | "option" | "length" | "pointer" | "oflw" | "flg" | "internet_address" | "timestamp";
  Pad1: "otype";
  PadN: "otype" | "optlen" | "optdata";
  HBHOptUnknown: "otype" | "optlen" | "optdata";
  RouterAlert: "otype" | "optlen" | "value";
  Jumbo: "otype" | "optlen" | "jumboplen";
  HAO: "otype" | "optlen" | "hoa";
  IPv6ExtHdrHopByHop: "nh" | "len" | "autopad" | "options";
  IPv6ExtHdrDestOpt: "nh" | "len" | "autopad" | "options";
  IPv6ExtHdrRouting: "nh" | "len" | "type" | "segleft" | "reserved" | "addresses";
  IPv6ExtHdrFragment: "nh" | "res1" | "offset" | "res2" | "m" | "id";
  IPv6ExtHdrSegmentRoutingTLV: "type" | "len" | "value";
  IPv6ExtHdrSegmentRoutingTLVPad1: "type" | "len" | "padding";
  IPv6ExtHdrSegmentRoutingTLVPadN: "type" | "len" | "padding";
  IPv6ExtHdrSegmentRoutingTLVIngressNode: "type" | "len" | "reserved" | "flags" | "ingress_node";
  IPv6ExtHdrSegmentRoutingTLVEgressNode: "type" | "len" | "reserved" | "flags" | "egress_node";
  IPv6ExtHdrSegmentRouting: "nh" | "len" | "type" | "segleft" | "lastentry" | "unused1" | "protected" | "oam" | "alert" | "hmac" | "unused2" | "tag" | "addresses" | "tlv_objects";
  ICMPv6MLQuery: "type" | "code" | "cksum" | "mrd" | "reserved" | "mladdr";
  ICMPv6MLReport: "type" | "code" | "cksum" | "mrd" | "reserved" | "mladdr";
  ICMPv6MLDone: "type" | "code" | "cksum" | "mrd" | "reserved" | "mladdr";
  ICMPv6MLQuery2: "type" | "code" | "cksum" | "mrd" | "reserved" | "mladdr" | "Resv" | "S" | "QRV" | "QQIC" | "sources_number" | "sources";
  ICMPv6MLDMultAddrRec: "rtype" | "auxdata_len" | "sources_number" | "dst" | "sources" | "auxdata";
  ICMPv6MLReport2: "type" | "res" | "cksum" | "reserved" | "records_number" | "records";
  ICMPv6NDOptRDNSS: "type" | "len" | "res" | "lifetime" | "dns";
  ICMPv6NDOptDNSSL: "type" | "len" | "res" | "lifetime" | "searchlist";
  ICMPv6NDOptRouteInfo: "type" | "len" | "plen" | "res1" | "prf" | "res2" | "rtlifetime" | "prefix";
  ICMPv6NDOptRedirectedHdr: "type" | "len" | "res" | "pkt";
  ICMPv6ND_Redirect: "type" | "code" | "cksum" | "res" | "tgt" | "dst";
  IGMP: "type" | "mrcode" | "chksum" | "gaddr";
  IGMPv3: "type" | "mrcode" | "chksum";
  IGMPv3mq: "gaddr" | "resv" | "s" | "qrv" | "qqic" | "numsrc" | "srcaddrs";
  IGMPv3gr: "rtype" | "auxdlen" | "numsrc" | "maddr" | "srcaddrs";
  IGMPv3mr: "res2" | "numgrp" | "records";
  IGMPv3mra: "qryIntvl" | "robust";
  MPLS: "label" | "cos" | "s" | "ttl";
  GeneveOptions: "classid" | "type" | "reserved" | "length" | "data";
  GENEVE: "version" | "optionlen" | "oam" | "critical" | "reserved" | "proto" | "vni" | "reserved2" | "options";
  Dot3: "dst" | "src" | "len";
  Dot1AD: "prio" | "id" | "vlan" | "type";
  LLC: "dsap" | "ssap" | "ctrl";
  SNAP: "OUI" | "code";
  STP: "proto" | "version" | "bpdutype" | "bpduflags" | "rootid" | "rootmac" | "pathcost" | "bridgeid" | "bridgemac" | "portid" | "age" | "maxage" | "hellotime" | "fwddelay";
}

/** Each layer's constructor values. */
export interface LayerInputs {
  Raw: RawFields;
  Padding: PaddingFields;
  Ether: EtherFields;
  Dot1Q: Dot1QFields;
  ARP: ARPFields;
  IPOption_EOL: IPOption_EOLFields;
  IPOption_NOP: IPOption_NOPFields;
  IPOption_RR: IPOption_RRFields;
  IPOption_Router_Alert: IPOption_Router_AlertFields;
  IPOption: IPOptionFields;
  IP: IPFields;
  IPerror: IPerrorFields;
  ICMP: ICMPFields;
  ICMPerror: ICMPerrorFields;
  TCP: TCPFields;
  TCPerror: TCPerrorFields;
  UDP: UDPFields;
  UDPerror: UDPerrorFields;
  IPv6: IPv6Fields;
  IPerror6: IPerror6Fields;
  ICMPv6DestUnreach: ICMPv6DestUnreachFields;
  ICMPv6PacketTooBig: ICMPv6PacketTooBigFields;
  ICMPv6TimeExceeded: ICMPv6TimeExceededFields;
  ICMPv6ParamProblem: ICMPv6ParamProblemFields;
  ICMPv6EchoRequest: ICMPv6EchoRequestFields;
  ICMPv6EchoReply: ICMPv6EchoReplyFields;
  ICMPv6ND_RS: ICMPv6ND_RSFields;
  ICMPv6ND_RA: ICMPv6ND_RAFields;
  ICMPv6ND_NS: ICMPv6ND_NSFields;
  ICMPv6ND_NA: ICMPv6ND_NAFields;
  ICMPv6Unknown: ICMPv6UnknownFields;
  ICMPv6NDOptSrcLLAddr: ICMPv6NDOptSrcLLAddrFields;
  ICMPv6NDOptDstLLAddr: ICMPv6NDOptDstLLAddrFields;
  ICMPv6NDOptPrefixInfo: ICMPv6NDOptPrefixInfoFields;
  ICMPv6NDOptMTU: ICMPv6NDOptMTUFields;
  DNSRRMX: DNSRRMXFields;
  DNSRRSOA: DNSRRSOAFields;
  DNSRRSRV: DNSRRSRVFields;
  EDNS0TLV: EDNS0TLVFields;
  DNSRROPT: DNSRROPTFields;
  DNSQR: DNSQRFields;
  DNSRR: DNSRRFields;
  DNS: DNSFields;
  BOOTP: BOOTPFields;
  DHCP: DHCPFields;
  DUID_LLT: DUID_LLTFields;
  DUID_EN: DUID_ENFields;
  DUID_LL: DUID_LLFields;
  DUID_UUID: DUID_UUIDFields;
  DHCP6OptUnknown: DHCP6OptUnknownFields;
  DHCP6OptClientId: DHCP6OptClientIdFields;
  DHCP6OptServerId: DHCP6OptServerIdFields;
  DHCP6OptIA_NA: DHCP6OptIA_NAFields;
  DHCP6OptIA_TA: DHCP6OptIA_TAFields;
  DHCP6OptIAAddress: DHCP6OptIAAddressFields;
  DHCP6OptOptReq: DHCP6OptOptReqFields;
  DHCP6OptPref: DHCP6OptPrefFields;
  DHCP6OptElapsedTime: DHCP6OptElapsedTimeFields;
  DHCP6OptStatusCode: DHCP6OptStatusCodeFields;
  DHCP6OptRapidCommit: DHCP6OptRapidCommitFields;
  DHCP6OptIfaceId: DHCP6OptIfaceIdFields;
  DHCP6OptDNSServers: DHCP6OptDNSServersFields;
  DHCP6OptDNSDomains: DHCP6OptDNSDomainsFields;
  DHCP6OptIA_PD: DHCP6OptIA_PDFields;
  DHCP6OptIAPrefix: DHCP6OptIAPrefixFields;
  DHCP6: DHCP6Fields;
  DHCP6_Solicit: DHCP6_SolicitFields;
  DHCP6_Advertise: DHCP6_AdvertiseFields;
  DHCP6_Request: DHCP6_RequestFields;
  DHCP6_Confirm: DHCP6_ConfirmFields;
  DHCP6_Renew: DHCP6_RenewFields;
  DHCP6_Rebind: DHCP6_RebindFields;
  DHCP6_Reply: DHCP6_ReplyFields;
  DHCP6_Release: DHCP6_ReleaseFields;
  DHCP6_Decline: DHCP6_DeclineFields;
  DHCP6_Reconf: DHCP6_ReconfFields;
  DHCP6_InfoRequest: DHCP6_InfoRequestFields;
  DHCP6_RelayForward: DHCP6_RelayForwardFields;
  DHCP6_RelayReply: DHCP6_RelayReplyFields;
  DHCP6OptRelayMsg: DHCP6OptRelayMsgFields;
  NTPHeader: NTPHeaderFields;
  NTPAuthenticator: NTPAuthenticatorFields;
  GRE: GREFields;
  VXLAN: VXLANFields;
  IPOption_LSRR: IPOption_LSRRFields;
  IPOption_SSRR: IPOption_SSRRFields;
  IPOption_Timestamp: IPOption_TimestampFields;
  Pad1: Pad1Fields;
  PadN: PadNFields;
  HBHOptUnknown: HBHOptUnknownFields;
  RouterAlert: RouterAlertFields;
  Jumbo: JumboFields;
  HAO: HAOFields;
  IPv6ExtHdrHopByHop: IPv6ExtHdrHopByHopFields;
  IPv6ExtHdrDestOpt: IPv6ExtHdrDestOptFields;
  IPv6ExtHdrRouting: IPv6ExtHdrRoutingFields;
  IPv6ExtHdrFragment: IPv6ExtHdrFragmentFields;
  IPv6ExtHdrSegmentRoutingTLV: IPv6ExtHdrSegmentRoutingTLVFields;
  IPv6ExtHdrSegmentRoutingTLVPad1: IPv6ExtHdrSegmentRoutingTLVPad1Fields;
  IPv6ExtHdrSegmentRoutingTLVPadN: IPv6ExtHdrSegmentRoutingTLVPadNFields;
  IPv6ExtHdrSegmentRoutingTLVIngressNode: IPv6ExtHdrSegmentRoutingTLVIngressNodeFields;
  IPv6ExtHdrSegmentRoutingTLVEgressNode: IPv6ExtHdrSegmentRoutingTLVEgressNodeFields;
  IPv6ExtHdrSegmentRouting: IPv6ExtHdrSegmentRoutingFields;
  ICMPv6MLQuery: ICMPv6MLQueryFields;
  ICMPv6MLReport: ICMPv6MLReportFields;
  ICMPv6MLDone: ICMPv6MLDoneFields;
  ICMPv6MLQuery2: ICMPv6MLQuery2Fields;
  ICMPv6MLDMultAddrRec: ICMPv6MLDMultAddrRecFields;
  ICMPv6MLReport2: ICMPv6MLReport2Fields;
  ICMPv6NDOptRDNSS: ICMPv6NDOptRDNSSFields;
  ICMPv6NDOptDNSSL: ICMPv6NDOptDNSSLFields;
  ICMPv6NDOptRouteInfo: ICMPv6NDOptRouteInfoFields;
  ICMPv6NDOptRedirectedHdr: ICMPv6NDOptRedirectedHdrFields;
  ICMPv6ND_Redirect: ICMPv6ND_RedirectFields;
  IGMP: IGMPFields;
  IGMPv3: IGMPv3Fields;
  IGMPv3mq: IGMPv3mqFields;
  IGMPv3gr: IGMPv3grFields;
  IGMPv3mr: IGMPv3mrFields;
  IGMPv3mra: IGMPv3mraFields;
  MPLS: MPLSFields;
  GeneveOptions: GeneveOptionsFields;
  GENEVE: GENEVEFields;
  Dot3: Dot3Fields;
  Dot1AD: Dot1ADFields;
  LLC: LLCFields;
  SNAP: SNAPFields;
  STP: STPFields;
}

function constructor<N extends keyof LayerInputs>(name: N): (values?: LayerInputs[N]) => PacketSpec<N> {
  return layerConstructor(registry.get(name)!) as unknown as (values?: LayerInputs[N]) => PacketSpec<N>;
}

/** Scapy's Raw(…). */
export const Raw = constructor("Raw");
/** Scapy's Padding(…). */
export const Padding = constructor("Padding");
/** Scapy's Ether(…). */
export const Ether = constructor("Ether");
/** Scapy's Dot1Q(…). */
export const Dot1Q = constructor("Dot1Q");
/** Scapy's ARP(…). */
export const ARP = constructor("ARP");
/** Scapy's IPOption_EOL(…). */
export const IPOption_EOL = constructor("IPOption_EOL");
/** Scapy's IPOption_NOP(…). */
export const IPOption_NOP = constructor("IPOption_NOP");
/** Scapy's IPOption_RR(…). */
export const IPOption_RR = constructor("IPOption_RR");
/** Scapy's IPOption_Router_Alert(…). */
export const IPOption_Router_Alert = constructor("IPOption_Router_Alert");
/** Scapy's IPOption(…). */
export const IPOption = constructor("IPOption");
/** Scapy's IP(…). */
export const IP = constructor("IP");
/** Scapy's IPerror(…). */
export const IPerror = constructor("IPerror");
/** Scapy's ICMP(…). */
export const ICMP = constructor("ICMP");
/** Scapy's ICMPerror(…). */
export const ICMPerror = constructor("ICMPerror");
/** Scapy's TCP(…). */
export const TCP = constructor("TCP");
/** Scapy's TCPerror(…). */
export const TCPerror = constructor("TCPerror");
/** Scapy's UDP(…). */
export const UDP = constructor("UDP");
/** Scapy's UDPerror(…). */
export const UDPerror = constructor("UDPerror");
/** Scapy's IPv6(…). */
export const IPv6 = constructor("IPv6");
/** Scapy's IPerror6(…). */
export const IPerror6 = constructor("IPerror6");
/** Scapy's ICMPv6DestUnreach(…). */
export const ICMPv6DestUnreach = constructor("ICMPv6DestUnreach");
/** Scapy's ICMPv6PacketTooBig(…). */
export const ICMPv6PacketTooBig = constructor("ICMPv6PacketTooBig");
/** Scapy's ICMPv6TimeExceeded(…). */
export const ICMPv6TimeExceeded = constructor("ICMPv6TimeExceeded");
/** Scapy's ICMPv6ParamProblem(…). */
export const ICMPv6ParamProblem = constructor("ICMPv6ParamProblem");
/** Scapy's ICMPv6EchoRequest(…). */
export const ICMPv6EchoRequest = constructor("ICMPv6EchoRequest");
/** Scapy's ICMPv6EchoReply(…). */
export const ICMPv6EchoReply = constructor("ICMPv6EchoReply");
/** Scapy's ICMPv6ND_RS(…). */
export const ICMPv6ND_RS = constructor("ICMPv6ND_RS");
/** Scapy's ICMPv6ND_RA(…). */
export const ICMPv6ND_RA = constructor("ICMPv6ND_RA");
/** Scapy's ICMPv6ND_NS(…). */
export const ICMPv6ND_NS = constructor("ICMPv6ND_NS");
/** Scapy's ICMPv6ND_NA(…). */
export const ICMPv6ND_NA = constructor("ICMPv6ND_NA");
/** Scapy's ICMPv6Unknown(…). */
export const ICMPv6Unknown = constructor("ICMPv6Unknown");
/** Scapy's ICMPv6NDOptSrcLLAddr(…). */
export const ICMPv6NDOptSrcLLAddr = constructor("ICMPv6NDOptSrcLLAddr");
/** Scapy's ICMPv6NDOptDstLLAddr(…). */
export const ICMPv6NDOptDstLLAddr = constructor("ICMPv6NDOptDstLLAddr");
/** Scapy's ICMPv6NDOptPrefixInfo(…). */
export const ICMPv6NDOptPrefixInfo = constructor("ICMPv6NDOptPrefixInfo");
/** Scapy's ICMPv6NDOptMTU(…). */
export const ICMPv6NDOptMTU = constructor("ICMPv6NDOptMTU");
/** Scapy's DNSRRMX(…). */
export const DNSRRMX = constructor("DNSRRMX");
/** Scapy's DNSRRSOA(…). */
export const DNSRRSOA = constructor("DNSRRSOA");
/** Scapy's DNSRRSRV(…). */
export const DNSRRSRV = constructor("DNSRRSRV");
/** Scapy's EDNS0TLV(…). */
export const EDNS0TLV = constructor("EDNS0TLV");
/** Scapy's DNSRROPT(…). */
export const DNSRROPT = constructor("DNSRROPT");
/** Scapy's DNSQR(…). */
export const DNSQR = constructor("DNSQR");
/** Scapy's DNSRR(…). */
export const DNSRR = constructor("DNSRR");
/** Scapy's DNS(…). */
export const DNS = constructor("DNS");
/** Scapy's BOOTP(…). */
export const BOOTP = constructor("BOOTP");
/** Scapy's DHCP(…). */
export const DHCP = constructor("DHCP");
/** Scapy's DUID_LLT(…). */
export const DUID_LLT = constructor("DUID_LLT");
/** Scapy's DUID_EN(…). */
export const DUID_EN = constructor("DUID_EN");
/** Scapy's DUID_LL(…). */
export const DUID_LL = constructor("DUID_LL");
/** Scapy's DUID_UUID(…). */
export const DUID_UUID = constructor("DUID_UUID");
/** Scapy's DHCP6OptUnknown(…). */
export const DHCP6OptUnknown = constructor("DHCP6OptUnknown");
/** Scapy's DHCP6OptClientId(…). */
export const DHCP6OptClientId = constructor("DHCP6OptClientId");
/** Scapy's DHCP6OptServerId(…). */
export const DHCP6OptServerId = constructor("DHCP6OptServerId");
/** Scapy's DHCP6OptIA_NA(…). */
export const DHCP6OptIA_NA = constructor("DHCP6OptIA_NA");
/** Scapy's DHCP6OptIA_TA(…). */
export const DHCP6OptIA_TA = constructor("DHCP6OptIA_TA");
/** Scapy's DHCP6OptIAAddress(…). */
export const DHCP6OptIAAddress = constructor("DHCP6OptIAAddress");
/** Scapy's DHCP6OptOptReq(…). */
export const DHCP6OptOptReq = constructor("DHCP6OptOptReq");
/** Scapy's DHCP6OptPref(…). */
export const DHCP6OptPref = constructor("DHCP6OptPref");
/** Scapy's DHCP6OptElapsedTime(…). */
export const DHCP6OptElapsedTime = constructor("DHCP6OptElapsedTime");
/** Scapy's DHCP6OptStatusCode(…). */
export const DHCP6OptStatusCode = constructor("DHCP6OptStatusCode");
/** Scapy's DHCP6OptRapidCommit(…). */
export const DHCP6OptRapidCommit = constructor("DHCP6OptRapidCommit");
/** Scapy's DHCP6OptIfaceId(…). */
export const DHCP6OptIfaceId = constructor("DHCP6OptIfaceId");
/** Scapy's DHCP6OptDNSServers(…). */
export const DHCP6OptDNSServers = constructor("DHCP6OptDNSServers");
/** Scapy's DHCP6OptDNSDomains(…). */
export const DHCP6OptDNSDomains = constructor("DHCP6OptDNSDomains");
/** Scapy's DHCP6OptIA_PD(…). */
export const DHCP6OptIA_PD = constructor("DHCP6OptIA_PD");
/** Scapy's DHCP6OptIAPrefix(…). */
export const DHCP6OptIAPrefix = constructor("DHCP6OptIAPrefix");
/** Scapy's DHCP6(…). */
export const DHCP6 = constructor("DHCP6");
/** Scapy's DHCP6_Solicit(…). */
export const DHCP6_Solicit = constructor("DHCP6_Solicit");
/** Scapy's DHCP6_Advertise(…). */
export const DHCP6_Advertise = constructor("DHCP6_Advertise");
/** Scapy's DHCP6_Request(…). */
export const DHCP6_Request = constructor("DHCP6_Request");
/** Scapy's DHCP6_Confirm(…). */
export const DHCP6_Confirm = constructor("DHCP6_Confirm");
/** Scapy's DHCP6_Renew(…). */
export const DHCP6_Renew = constructor("DHCP6_Renew");
/** Scapy's DHCP6_Rebind(…). */
export const DHCP6_Rebind = constructor("DHCP6_Rebind");
/** Scapy's DHCP6_Reply(…). */
export const DHCP6_Reply = constructor("DHCP6_Reply");
/** Scapy's DHCP6_Release(…). */
export const DHCP6_Release = constructor("DHCP6_Release");
/** Scapy's DHCP6_Decline(…). */
export const DHCP6_Decline = constructor("DHCP6_Decline");
/** Scapy's DHCP6_Reconf(…). */
export const DHCP6_Reconf = constructor("DHCP6_Reconf");
/** Scapy's DHCP6_InfoRequest(…). */
export const DHCP6_InfoRequest = constructor("DHCP6_InfoRequest");
/** Scapy's DHCP6_RelayForward(…). */
export const DHCP6_RelayForward = constructor("DHCP6_RelayForward");
/** Scapy's DHCP6_RelayReply(…). */
export const DHCP6_RelayReply = constructor("DHCP6_RelayReply");
/** Scapy's DHCP6OptRelayMsg(…). */
export const DHCP6OptRelayMsg = constructor("DHCP6OptRelayMsg");
/** Scapy's NTPHeader(…). */
export const NTPHeader = constructor("NTPHeader");
/** Scapy's NTPAuthenticator(…). */
export const NTPAuthenticator = constructor("NTPAuthenticator");
/** Scapy's GRE(…). */
export const GRE = constructor("GRE");
/** Scapy's VXLAN(…). */
export const VXLAN = constructor("VXLAN");
/** Scapy's IPOption_LSRR(…). */
export const IPOption_LSRR = constructor("IPOption_LSRR");
/** Scapy's IPOption_SSRR(…). */
export const IPOption_SSRR = constructor("IPOption_SSRR");
/** Scapy's IPOption_Timestamp(…). */
export const IPOption_Timestamp = constructor("IPOption_Timestamp");
/** Scapy's Pad1(…). */
export const Pad1 = constructor("Pad1");
/** Scapy's PadN(…). */
export const PadN = constructor("PadN");
/** Scapy's HBHOptUnknown(…). */
export const HBHOptUnknown = constructor("HBHOptUnknown");
/** Scapy's RouterAlert(…). */
export const RouterAlert = constructor("RouterAlert");
/** Scapy's Jumbo(…). */
export const Jumbo = constructor("Jumbo");
/** Scapy's HAO(…). */
export const HAO = constructor("HAO");
/** Scapy's IPv6ExtHdrHopByHop(…). */
export const IPv6ExtHdrHopByHop = constructor("IPv6ExtHdrHopByHop");
/** Scapy's IPv6ExtHdrDestOpt(…). */
export const IPv6ExtHdrDestOpt = constructor("IPv6ExtHdrDestOpt");
/** Scapy's IPv6ExtHdrRouting(…). */
export const IPv6ExtHdrRouting = constructor("IPv6ExtHdrRouting");
/** Scapy's IPv6ExtHdrFragment(…). */
export const IPv6ExtHdrFragment = constructor("IPv6ExtHdrFragment");
/** Scapy's IPv6ExtHdrSegmentRoutingTLV(…). */
export const IPv6ExtHdrSegmentRoutingTLV = constructor("IPv6ExtHdrSegmentRoutingTLV");
/** Scapy's IPv6ExtHdrSegmentRoutingTLVPad1(…). */
export const IPv6ExtHdrSegmentRoutingTLVPad1 = constructor("IPv6ExtHdrSegmentRoutingTLVPad1");
/** Scapy's IPv6ExtHdrSegmentRoutingTLVPadN(…). */
export const IPv6ExtHdrSegmentRoutingTLVPadN = constructor("IPv6ExtHdrSegmentRoutingTLVPadN");
/** Scapy's IPv6ExtHdrSegmentRoutingTLVIngressNode(…). */
export const IPv6ExtHdrSegmentRoutingTLVIngressNode = constructor("IPv6ExtHdrSegmentRoutingTLVIngressNode");
/** Scapy's IPv6ExtHdrSegmentRoutingTLVEgressNode(…). */
export const IPv6ExtHdrSegmentRoutingTLVEgressNode = constructor("IPv6ExtHdrSegmentRoutingTLVEgressNode");
/** Scapy's IPv6ExtHdrSegmentRouting(…). */
export const IPv6ExtHdrSegmentRouting = constructor("IPv6ExtHdrSegmentRouting");
/** Scapy's ICMPv6MLQuery(…). */
export const ICMPv6MLQuery = constructor("ICMPv6MLQuery");
/** Scapy's ICMPv6MLReport(…). */
export const ICMPv6MLReport = constructor("ICMPv6MLReport");
/** Scapy's ICMPv6MLDone(…). */
export const ICMPv6MLDone = constructor("ICMPv6MLDone");
/** Scapy's ICMPv6MLQuery2(…). */
export const ICMPv6MLQuery2 = constructor("ICMPv6MLQuery2");
/** Scapy's ICMPv6MLDMultAddrRec(…). */
export const ICMPv6MLDMultAddrRec = constructor("ICMPv6MLDMultAddrRec");
/** Scapy's ICMPv6MLReport2(…). */
export const ICMPv6MLReport2 = constructor("ICMPv6MLReport2");
/** Scapy's ICMPv6NDOptRDNSS(…). */
export const ICMPv6NDOptRDNSS = constructor("ICMPv6NDOptRDNSS");
/** Scapy's ICMPv6NDOptDNSSL(…). */
export const ICMPv6NDOptDNSSL = constructor("ICMPv6NDOptDNSSL");
/** Scapy's ICMPv6NDOptRouteInfo(…). */
export const ICMPv6NDOptRouteInfo = constructor("ICMPv6NDOptRouteInfo");
/** Scapy's ICMPv6NDOptRedirectedHdr(…). */
export const ICMPv6NDOptRedirectedHdr = constructor("ICMPv6NDOptRedirectedHdr");
/** Scapy's ICMPv6ND_Redirect(…). */
export const ICMPv6ND_Redirect = constructor("ICMPv6ND_Redirect");
/** Scapy's IGMP(…). */
export const IGMP = constructor("IGMP");
/** Scapy's IGMPv3(…). */
export const IGMPv3 = constructor("IGMPv3");
/** Scapy's IGMPv3mq(…). */
export const IGMPv3mq = constructor("IGMPv3mq");
/** Scapy's IGMPv3gr(…). */
export const IGMPv3gr = constructor("IGMPv3gr");
/** Scapy's IGMPv3mr(…). */
export const IGMPv3mr = constructor("IGMPv3mr");
/** Scapy's IGMPv3mra(…). */
export const IGMPv3mra = constructor("IGMPv3mra");
/** Scapy's MPLS(…). */
export const MPLS = constructor("MPLS");
/** Scapy's GeneveOptions(…). */
export const GeneveOptions = constructor("GeneveOptions");
/** Scapy's GENEVE(…). */
export const GENEVE = constructor("GENEVE");
/** Scapy's Dot3(…). */
export const Dot3 = constructor("Dot3");
/** Scapy's Dot1AD(…). */
export const Dot1AD = constructor("Dot1AD");
/** Scapy's LLC(…). */
export const LLC = constructor("LLC");
/** Scapy's SNAP(…). */
export const SNAP = constructor("SNAP");
/** Scapy's STP(…). */
export const STP = constructor("STP");

/** Every layer constructor by name. */
export const layers = { Raw, Padding, Ether, Dot1Q, ARP, IPOption_EOL, IPOption_NOP, IPOption_RR, IPOption_Router_Alert, IPOption, IP, IPerror, ICMP, ICMPerror, TCP, TCPerror, UDP, UDPerror, IPv6, IPerror6, ICMPv6DestUnreach, ICMPv6PacketTooBig, ICMPv6TimeExceeded, ICMPv6ParamProblem, ICMPv6EchoRequest, ICMPv6EchoReply, ICMPv6ND_RS, ICMPv6ND_RA, ICMPv6ND_NS, ICMPv6ND_NA, ICMPv6Unknown, ICMPv6NDOptSrcLLAddr, ICMPv6NDOptDstLLAddr, ICMPv6NDOptPrefixInfo, ICMPv6NDOptMTU, DNSRRMX, DNSRRSOA, DNSRRSRV, EDNS0TLV, DNSRROPT, DNSQR, DNSRR, DNS, BOOTP, DHCP, DUID_LLT, DUID_EN, DUID_LL, DUID_UUID, DHCP6OptUnknown, DHCP6OptClientId, DHCP6OptServerId, DHCP6OptIA_NA, DHCP6OptIA_TA, DHCP6OptIAAddress, DHCP6OptOptReq, DHCP6OptPref, DHCP6OptElapsedTime, DHCP6OptStatusCode, DHCP6OptRapidCommit, DHCP6OptIfaceId, DHCP6OptDNSServers, DHCP6OptDNSDomains, DHCP6OptIA_PD, DHCP6OptIAPrefix, DHCP6, DHCP6_Solicit, DHCP6_Advertise, DHCP6_Request, DHCP6_Confirm, DHCP6_Renew, DHCP6_Rebind, DHCP6_Reply, DHCP6_Release, DHCP6_Decline, DHCP6_Reconf, DHCP6_InfoRequest, DHCP6_RelayForward, DHCP6_RelayReply, DHCP6OptRelayMsg, NTPHeader, NTPAuthenticator, GRE, VXLAN, IPOption_LSRR, IPOption_SSRR, IPOption_Timestamp, Pad1, PadN, HBHOptUnknown, RouterAlert, Jumbo, HAO, IPv6ExtHdrHopByHop, IPv6ExtHdrDestOpt, IPv6ExtHdrRouting, IPv6ExtHdrFragment, IPv6ExtHdrSegmentRoutingTLV, IPv6ExtHdrSegmentRoutingTLVPad1, IPv6ExtHdrSegmentRoutingTLVPadN, IPv6ExtHdrSegmentRoutingTLVIngressNode, IPv6ExtHdrSegmentRoutingTLVEgressNode, IPv6ExtHdrSegmentRouting, ICMPv6MLQuery, ICMPv6MLReport, ICMPv6MLDone, ICMPv6MLQuery2, ICMPv6MLDMultAddrRec, ICMPv6MLReport2, ICMPv6NDOptRDNSS, ICMPv6NDOptDNSSL, ICMPv6NDOptRouteInfo, ICMPv6NDOptRedirectedHdr, ICMPv6ND_Redirect, IGMP, IGMPv3, IGMPv3mq, IGMPv3gr, IGMPv3mr, IGMPv3mra, MPLS, GeneveOptions, GENEVE, Dot3, Dot1AD, LLC, SNAP, STP };
