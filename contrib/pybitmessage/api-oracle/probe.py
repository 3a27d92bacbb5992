import http.client, base64, json
def raw(body, auth="username:password"):
    import os; c = http.client.HTTPConnection("127.0.0.1", int(os.environ.get("APIPORT", "8442")), timeout=60)
    h = {"Content-Type": "text/xml"}
    if auth: h["Authorization"] = "Basic " + base64.b64encode(auth.encode()).decode()
    c.request("POST", "/", body, h)
    r = c.getresponse()
    return r.status, r.read().decode("utf-8", "replace")
def call(m, *ps):
    b = "<?xml version='1.0'?>\n<methodCall>\n<methodName>%s</methodName>\n<params>\n" % m
    for p in ps:
        if isinstance(p, bool): b += "<param>\n<value><boolean>%d</boolean></value>\n</param>\n" % p
        elif isinstance(p, int): b += "<param>\n<value><int>%d</int></value>\n</param>\n" % p
        else: b += "<param>\n<value><string>%s</string></value>\n</param>\n" % p
    b += "</params>\n</methodCall>\n"
    return raw(b)
def show(name, r):
    print("=== " + name); print(repr(r))
show("hello", call("helloWorld", "hello", "world"))
show("hello1", call("helloWorld", "a"))
show("hello3", call("helloWorld", "a", "b", "c"))
show("hello4", call("helloWorld", "a", "b", "c", "d"))
show("listAddresses0", call("listAddresses", "x"))
show("badmethod", call("noSuchMethod"))
show("inboxnone", call("getInboxMessageById", "00"))
show("oddhex", call("trashMessage", "abc"))
show("badb64", call("createRandomAddress", "abc"))
show("bool", call("createRandomAddress", "eA==", 1))
show("status15", call("getStatus", "00"))
show("hw21", call("helloWorld", 1, "x"))
show("add", call("add", 2, 3))
show("inbox", call("getAllInboxMessages"))
show("sentbad", call("sendMessage", "BM-nonsense", "BM-nonsense", "cw==", "bQ==")) 
show("det2", call("createDeterministicAddresses", "eA==", 1, 5))
show("getdet3", call("getDeterministicAddress", "eA==", 4, 2))
show("hash19", call("getMessageDataByDestinationHash", "00"*32))
show("hash16", call("getMessageDataByDestinationHash", "00"*16))
show("nosection", call("enableAddress", "BM-2cXCijVKnMYfGhe6s1HfaWUehxdoh7qXFX", False))
show("dtd", raw('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "y">]><methodCall><methodName>&e;</methodName></methodCall>'))
show("401", raw(call.__doc__ or "<x/>", auth="username:wrong"))
show("listMethods", call("system.listMethods"))
a = call("createRandomAddress", "c21va2U=")
show("createRandom", a)
import re
addr = re.search(r"<string>(BM-[^<]+)</string>", a[1]).group(1)
show("listAddresses", call("listAddresses"))
show("sendbadto", call("sendMessage", "BM-nonsense", addr, "cw==", "bQ=="))
show("send", call("sendMessage", addr, addr, "cw==", "bQ==", 2, 3600))
show("sent", call("getAllSentMessages"))
show("bc", call("sendBroadcast", addr, "cw==", "bQ==", 2, 7200))
show("decode", call("decodeAddress", addr))
show("subs", call("listSubscriptions"))
show("leave", call("leaveChan", addr))
show("chan", call("createChan", "Y2hhbg=="))
show("chan2", call("createChan", "Y2hhbg=="))
show("det", call("createDeterministicAddresses", "cGFzcw==", 2))
show("det again", call("createDeterministicAddresses", "cGFzcw==", 2))
show("clientStatus", call("clientStatus"))
