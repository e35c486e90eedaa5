# Nothing secret in here except the subscription id: CIDRs, names and versions must survive.
az aks create -g rg-aks-demo -n aks-demo \
  --network-plugin azure --network-plugin-mode overlay \
  --pod-cidr 100.64.0.0/10 --service-cidr 10.0.0.0/16 --dns-service-ip 10.0.0.10 \
  --ip-families ipv4,ipv6 --pod-cidrs 10.244.0.0/16,fd12:3456:789a::/64 \
  --service-cidrs 10.0.0.0/16,fd12:3456:789a:1::/108 \
  --kubernetes-version 1.30.4 --node-count 3 --max-pods 250 \
  --node-vm-size Standard_D4s_v5 --outbound-type userDefinedRouting \
  --vnet-subnet-id /subscriptions/0ddba11a-fade-4bad-8bad-0000000005b3/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/snet-nodes \
  --tags owner=platform-team costcenter=4711
# Old kubenet cluster for comparison: 172.16.0.0/12 is refused, 169.254.0.0/16 is reserved, docs use 192.0.2.0/24.
# Loopback 127.0.0.1, link-local 169.254.169.254, documentation 203.0.113.10, CGNAT 100.64.12.7.
# Image: mcr.microsoft.com/oss/kubernetes/azure-cni:v1.6.13, digest sha256:ad2ce7c81e0ffcb894a491276784d4fec24d5f0fce40d724519afcd0d3977e57
# Release checksum 1edbc667b8616a9e852becab70832f0a32b67d9c6fa2146239c5eb57e4bdc967  azure-cni-linux-amd64-v1.6.13.tgz
# Git commit bc2e10050011461bc427605f94e529e64e1c0111, short 9fceb02, version v1.6.13-2-g9fceb02
# Password policy: passwordMinLength=12, passwordExpiryDays=90, tokenTTL=3600s
# Resource names: kube-flannel-ds-amd64-7x9kq, PodSecurityAdmissionConfigurationV1Beta1
