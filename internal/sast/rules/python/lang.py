import ftplib
import json
import marshal
import os
import pickle
import shutil
import stat
import tarfile
import telnetlib
import tempfile
import zipfile
from pathlib import Path

import paramiko
import torch
import yaml
from lxml import etree


def loads(blob, path, text):
    # ruleid: python.deserialization.pickle
    a = pickle.loads(blob)
    with open(path, "rb") as f:
        # ruleid: python.deserialization.pickle
        b = pickle.load(f)
    # ok: python.deserialization.pickle
    c = json.loads(blob)
    # ok: python.deserialization.pickle
    d = pickle.dumps(c)
    # ruleid: python.deserialization.marshal
    e = marshal.loads(blob)
    # ruleid: python.deserialization.marshal
    f2 = marshal.load(open(path, "rb"))
    # ok: python.deserialization.marshal
    g = marshal.dumps(c)
    # ok: python.deserialization.marshal
    h = json.load(open(path))
    return a, b, d, e, f2, g, h


def configs(text):
    # ruleid: python.deserialization.yaml-load
    a = yaml.load(text)
    # ruleid: python.deserialization.yaml-load
    b = yaml.load(text, Loader=yaml.Loader)
    # ruleid: python.deserialization.yaml-load
    c = yaml.unsafe_load(text)
    # ok: python.deserialization.yaml-load
    d = yaml.safe_load(text)
    # ok: python.deserialization.yaml-load
    e = yaml.load(text, Loader=yaml.SafeLoader)
    return a, b, c, d, e


def models(path):
    # ruleid: python.deserialization.torch-load
    a = torch.load(path)
    # ruleid: python.deserialization.torch-load
    b = torch.load(path, map_location="cpu", weights_only=False)
    # ok: python.deserialization.torch-load
    c = torch.load(path, map_location="cpu", weights_only=True)
    # ok: python.deserialization.torch-load
    torch.save(c, path)
    return a, b, c


def parsers(data):
    # ruleid: python.xml.external-entities
    p1 = etree.XMLParser(resolve_entities=True)
    # ruleid: python.xml.external-entities
    p2 = etree.XMLParser(load_dtd=True, no_network=False)
    # ok: python.xml.external-entities
    p3 = etree.XMLParser(resolve_entities=False, no_network=True)
    # ok: python.xml.external-entities
    p4 = etree.XMLParser(remove_blank_text=True)
    return p1, p2, p3, p4


def temps(report):
    # ruleid: python.lang.mktemp
    name = tempfile.mktemp(suffix=".json")
    # ruleid: python.lang.mktemp
    other = tempfile.mktemp()
    # ok: python.lang.mktemp
    fd, path = tempfile.mkstemp(suffix=".json")
    # ok: python.lang.mktemp
    d = tempfile.mkdtemp()
    # ruleid: python.lang.predictable-temp-path
    with open("/tmp/report.csv", "w") as f:
        f.write(report)
    # ruleid: python.lang.predictable-temp-path
    with open(os.path.join(tempfile.gettempdir(), "cache.json"), "w") as f:
        f.write(report)
    # ok: python.lang.predictable-temp-path
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as f:
        f.write(report)
    # ok: python.lang.predictable-temp-path
    with open("/tmp/report.csv") as f:
        report = f.read()
    return name, other, fd, path, d


def perms(path):
    # ruleid: python.lang.chmod-world-writable
    os.chmod(path, 0o777)
    # ruleid: python.lang.chmod-world-writable
    os.chmod(path, stat.S_IRWXU | stat.S_IRWXG | stat.S_IRWXO)
    # ok: python.lang.chmod-world-writable
    os.chmod(path, 0o755)
    # ok: python.lang.chmod-world-writable
    Path(path).chmod(0o600)


def extract(archive, dest):
    with tarfile.open(archive) as tar:
        # ruleid: python.lang.tarfile-extractall
        tar.extractall(dest)
    # ruleid: python.lang.tarfile-extractall
    shutil.unpack_archive(archive, dest)
    with tarfile.open(archive) as tar:
        # ok: python.lang.tarfile-extractall
        tar.extractall(dest, filter="data")
    # ok: python.lang.tarfile-extractall
    shutil.unpack_archive(archive, dest, filter="data")


def ssh(host):
    client = paramiko.SSHClient()
    # ruleid: python.ssh.auto-add-host-key
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    # ruleid: python.ssh.auto-add-host-key
    client.set_missing_host_key_policy(paramiko.WarningPolicy())
    client.load_system_host_keys()
    # ok: python.ssh.auto-add-host-key
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    # ok: python.ssh.auto-add-host-key
    client.connect(host)


def transfer(host, user, pw):
    # ruleid: python.net.cleartext-protocol
    ftp = ftplib.FTP(host)
    # ruleid: python.net.cleartext-protocol
    tn = telnetlib.Telnet(host, 23)
    # ok: python.net.cleartext-protocol
    ftps = ftplib.FTP_TLS(host)
    # ok: python.net.cleartext-protocol
    ftps.prot_p()
    return ftp, tn, ftps
