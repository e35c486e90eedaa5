RG_NAME='myResourceGroup'
CLUSTER='myAKSCluster'

az aks update --resource-group $RG_NAME --name $CLUSTER--enable-ahub
